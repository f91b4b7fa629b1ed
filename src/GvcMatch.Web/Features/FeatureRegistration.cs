using GvcMatch.Web.Features.Certificates;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Features.Authorization;
using GvcMatch.Web.Features.Awards;
using GvcMatch.Web.Features.Bids;
using GvcMatch.Web.Features.Consolidation;
using GvcMatch.Web.Features.OpenData;
using GvcMatch.Web.Features.Dashboards;
using GvcMatch.Web.Features.Dependency;
using GvcMatch.Web.Features.Disclosures;
using GvcMatch.Web.Features.DevelopmentProgrammes;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.GapPlans;
using GvcMatch.Web.Features.Events;
using GvcMatch.Web.Features.Import;
using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.PersonalData;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Questions;
using GvcMatch.Web.Features.Matching;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Features.ProtectedDocuments;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.NotificationPreferences;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Features.SavedSearches;
using GvcMatch.Web.Features.Search;
using GvcMatch.Web.Features.SupportProgrammes;
using GvcMatch.Web.Features.ReferenceData;
using GvcMatch.Web.Features.Vocabulary;

namespace GvcMatch.Web.Features;

/// <summary>One line per feature: its services and its API.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddFeatureServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAudit();
        services.AddResourceAccess();
        services.AddOrganizations();
        services.AddProfiles();
        services.AddCertificates();
        services.AddIpListings();
        services.AddRequirements();
        services.AddSavedSearches();
        services.AddImport();
        // Before search: the model is loaded (or refused) before the indexer starts using it.
        services.AddEmbeddings();
        services.AddSearch();
        services.AddConversations();
        services.AddOffers();
        services.AddConsortia();
        services.AddAwards();
        services.AddNotifications(configuration);
        services.AddNotificationPreferences();
        services.AddQuestions();
        services.AddBids();
        services.AddGapPlans();
        services.AddSupportProgrammes();
        services.AddConsolidation();
        services.AddOpenData();
        services.AddDependency();
        services.AddDevelopmentProgrammes();
        services.AddNdas();
        services.AddProtectedDocuments();
        services.AddEvents(configuration);
        services.AddRoadmaps();
        services.AddDashboards();
        services.AddDisclosures();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatureApis(this IEndpointRouteBuilder app)
    {
        app.MapAuthApi();
        app.MapReferenceDataApi();
        app.MapVocabularyApi();
        app.MapOrganizationsApi();
        app.MapMembersApi();
        app.MapProfilesApi();
        app.MapCertificatesApi();
        app.MapIpListingsApi();
        app.MapRequirementsApi();
        app.MapImportApi();
        app.MapSearchApi();
        app.MapSearchAdminApi();
        app.MapSavedSearchesApi();
        app.MapNotificationsApi();
        app.MapNotificationPreferencesApi();
        app.MapMatchingApi();
        app.MapConsortiaApi();
        app.MapConversationsApi();
        app.MapConversationsHub();
        app.MapOffersApi();
        app.MapQuestionsApi();
        app.MapBidsApi();
        app.MapAwardsApi();
        app.MapEventsApi();
        app.MapAuditApi();
        app.MapPersonalDataApi();
        app.MapLanguageApi();
        app.MapGapPlansApi();
        app.MapSupportProgrammesApi();
        app.MapConsolidationApi();
        app.MapOpenDataApi();
        app.MapDependencyApi();
        app.MapDevelopmentProgrammesApi();
        app.MapNdasApi();
        app.MapProtectedDocumentsApi();
        app.MapRoadmapsApi();
        app.MapDashboardsApi();
        app.MapDisclosuresApi();
        return app;
    }
}
