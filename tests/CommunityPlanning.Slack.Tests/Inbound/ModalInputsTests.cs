using System.Text.Json.Nodes;
using CommunityPlanning.Slack.Inbound;

namespace CommunityPlanning.Slack.Tests.Inbound;

public sealed class ModalInputsTests
{
    [Fact]
    public void Read_EveryElementType_GivesPipelineValues()
    {
        var values = JsonNode.Parse("""
        {
          "name": { "value": { "type": "plain_text_input", "value": "Little Wittering" } },
          "notes": { "value": { "type": "plain_text_input", "value": null } },
          "count": { "value": { "type": "number_input", "value": "42" } },
          "when": { "value": { "type": "datepicker", "selected_date": "2025-03-14" } },
          "kind": { "value": { "type": "static_select", "selected_option": { "text": { "type": "plain_text", "text": "A" }, "value": "a" } } },
          "kinds": { "value": { "type": "multi_static_select", "selected_options": [ { "value": "a" }, { "value": "c" } ] } },
          "agreed": { "value": { "type": "checkboxes", "selected_options": [ { "value": "true" } ] } },
          "minuted": { "value": { "type": "checkboxes", "selected_options": [] } }
        }
        """)!.AsObject();

        var inputs = ModalInputs.Read(values);

        Assert.Equal(new Dictionary<string, string>
        {
            ["name"] = "Little Wittering",
            ["notes"] = string.Empty,
            ["count"] = "42",
            ["when"] = "2025-03-14",
            ["kind"] = "a",
            ["kinds"] = "a,c",
            ["agreed"] = "true",
            ["minuted"] = "false",
        }, inputs);
    }
}
