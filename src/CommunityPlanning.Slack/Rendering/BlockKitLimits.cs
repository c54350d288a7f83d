namespace CommunityPlanning.Slack.Rendering;

/// <summary>Block Kit limits (Slack's reference; PROTOCOLS.md).</summary>
internal static class BlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int ModalBlocks = 100;
    public const int SectionText = 3000;
    public const int HeaderText = 150;
    public const int ContextText = 2000;
    public const int ContextElements = 10;
    public const int FieldText = 2000;
    public const int FieldsPerSection = 10;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ElementsPerActions = 25;
    public const int ActionId = 255;
    public const int BlockId = 255;
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int PrivateMetadata = 3000;
    public const int OptionText = 75;
    public const int OptionDescription = 75;
    public const int OptionValue = 150;
    public const int OptionsPerCheckboxes = 10;
    public const int SelectOptions = 100;
    public const int InputLabel = 2000;
    public const int Hint = 2000;
    public const int Placeholder = 150;
    public const int PlainTextInput = 3000;
    public const int FallbackText = 3000;
    public const int ErrorText = 300;
    public const int ImageUrl = 3000;
    public const int ImageAltText = 2000;
}
