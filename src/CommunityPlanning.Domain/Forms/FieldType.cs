namespace CommunityPlanning.Domain.Forms;

/// <summary>The kinds of field a form can ask for.</summary>
public enum FieldType
{
    /// <summary>A single line of text.</summary>
    Text,

    /// <summary>Several lines of text.</summary>
    MultilineText,

    /// <summary>A number (whole or decimal, see <see cref="FieldDefinition.WholeNumber"/>).</summary>
    Number,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>One choice from a list.</summary>
    Choice,

    /// <summary>Any number of choices from a list.</summary>
    MultiChoice,

    /// <summary>Yes or no.</summary>
    Toggle,
}
