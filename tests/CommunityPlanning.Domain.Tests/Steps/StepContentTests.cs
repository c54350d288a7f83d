using CommunityPlanning.Domain.Forms;
using CommunityPlanning.Domain.Steps;

namespace CommunityPlanning.Domain.Tests.Steps;

public sealed class StepContentTests
{
    public static TheoryData<int> StepNumbers() => new() { 1, 2, 3, 4, 5, 6, 7, 8, 9 };

    [Theory]
    [MemberData(nameof(StepNumbers))]
    public void Step_Always_HasGuidanceChecklistAndForms(int number)
    {
        var step = StepCatalogue.Get(number);

        Assert.Equal(number, step.Number);
        Assert.NotEmpty(step.Purpose);
        Assert.NotEmpty(step.Checklist);
        Assert.NotEmpty(step.Forms);
        Assert.NotEmpty(step.Tips);
        Assert.NotEmpty(step.Pitfalls);
        Assert.NotEmpty(step.Outputs);
    }

    [Theory]
    [MemberData(nameof(StepNumbers))]
    public void Step_Ids_AreUniqueAndKeySafe(int number)
    {
        var step = StepCatalogue.Get(number);
        var forms = step.Forms.Concat(step.StatutoryForms).ToList();

        Assert.Equal(step.Checklist.Count, step.Checklist.Select(i => i.Id).Distinct().Count());
        Assert.Equal(forms.Count, forms.Select(f => f.Id).Distinct().Count());
        foreach (var id in step.Checklist.Select(i => i.Id).Concat(forms.Select(f => f.Id)))
        {
            Assert.Matches("^[a-z0-9-]+$", id);
        }

        foreach (var form in forms)
        {
            Assert.Equal(form.Fields.Count, form.Fields.Select(f => f.Id).Distinct().Count());
            Assert.All(form.Fields, f => Assert.Matches("^[A-Za-z0-9]+$", f.Id));
        }
    }

    [Theory]
    [MemberData(nameof(StepNumbers))]
    public void Step_Fields_HaveSensibleLimits(int number)
    {
        var step = StepCatalogue.Get(number);
        foreach (var form in step.Forms.Concat(step.StatutoryForms))
        {
            Assert.NotEmpty(form.Fields);
            Assert.False(string.IsNullOrWhiteSpace(form.Description));
            if (form.Repeating)
            {
                Assert.InRange(form.MaxRows, 1, 500);
                Assert.Contains(form.Fields, f => f.Required);
            }

            foreach (var field in form.Fields)
            {
                Assert.False(string.IsNullOrWhiteSpace(field.Label));
                Assert.InRange(field.EffectiveMaxLength, 1, 2000);
                if (field.Type == FieldType.Number)
                {
                    Assert.NotNull(field.Min);
                    Assert.NotNull(field.Max);
                    Assert.True(field.Min < field.Max);
                }

                var linked = step.LinkedChoices.Any(l => l.FormId == form.Id && l.FieldId == field.Id);
                if (field.Type is FieldType.Choice or FieldType.MultiChoice && !linked)
                {
                    Assert.NotEmpty(field.Choices);
                    Assert.Equal(field.Choices.Count, field.Choices.Select(c => c.Value).Distinct().Count());
                }

                Assert.False(field.Required && field.Type == FieldType.Toggle, $"{form.Id}.{field.Id}: a yes/no can't be required");
            }
        }
    }

    [Theory]
    [MemberData(nameof(StepNumbers))]
    public void Step_RulesComputedAndLinks_NameRealFields(int number)
    {
        var step = StepCatalogue.Get(number);
        foreach (var computed in step.Computed)
        {
            Assert.NotNull(step.Form(computed.FormId));
        }

        foreach (var rule in step.Rules)
        {
            Assert.NotNull(step.Form(rule.FormId));
        }

        foreach (var link in step.LinkedChoices)
        {
            var field = step.Form(link.FormId)?.Field(link.FieldId);
            Assert.NotNull(field);
            Assert.Equal(FieldType.Choice, field.Type);
            var source = StepCatalogue.Get(link.SourceStep).Form(link.SourceForm);
            Assert.NotNull(source);
            Assert.True(source.Repeating);
            Assert.NotNull(source.Field(link.TitleField));
        }
    }

    [Fact]
    public void NeighbourhoodPlanSteps_HaveStatutoryForms()
    {
        Assert.NotEmpty(StepCatalogue.Get(6).StatutoryForms);
        Assert.NotEmpty(StepCatalogue.Get(7).StatutoryForms);
        Assert.Equal(StepCatalogue.Get(6).Forms.Count, StepCatalogue.Get(6).FormsFor(false).Count());
        Assert.Equal(StepCatalogue.Get(6).Forms.Count + 1, StepCatalogue.Get(6).FormsFor(true).Count());
        Assert.True(StepCatalogue.Get(7).IsStatutory("np-examination"));
    }
}
