using CommunityPlanning.Conversations.Features;
using CommunityPlanning.Conversations.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the root namespace, beside AddConversations, so the composition needs no extra using.
namespace CommunityPlanning.Conversations;

/// <summary>Registers step 4's survey commands and the import the upload page uses.</summary>
public static class SurveysServiceCollectionExtensions
{
    /// <summary>
    /// Adds the survey command, its help lines and <see cref="SurveyImport"/>. Upload links come from the host;
    /// until it registers <see cref="ISurveyUploadLinks"/>, <c>survey upload</c> says it can't make one.
    /// </summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ISurveyUploadLinks, NoSurveyUploadLinks>();
        services.AddSingleton<SurveyImport>();
        services.AddFeature<SurveyCommand>();
        services.AddSingleton(new HelpEntry(36, "survey questions", "Step 4: start a questionnaire from common questions by theme (\"survey add H1 T2\", \"questionnaire\")."));
        services.AddSingleton(new HelpEntry(37, "survey upload", "Officers: a private link to upload the survey results (Forms, Google Forms, SurveyMonkey or a spreadsheet). \"survey results\" shows the totals."));
        return services;
    }
}
