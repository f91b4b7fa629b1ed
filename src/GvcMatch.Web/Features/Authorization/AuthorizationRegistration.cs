using Microsoft.AspNetCore.Authorization;

namespace GvcMatch.Web.Features.Authorization;

public static class AuthorizationRegistration
{
    /// <summary>The resource-based access rules and the service that asks them.</summary>
    public static IServiceCollection AddResourceAccess(this IServiceCollection services)
    {
        // Scoped: a handler reads the actor through the request's DbContext, whose cache it shares.
        services.AddScoped<IAuthorizationHandler, OrganizationHandler>();
        services.AddScoped<IAuthorizationHandler, RequirementHandler>();
        services.AddScoped<IAuthorizationHandler, IpListingHandler>();
        services.AddScoped<IAuthorizationHandler, ProfileHandler>();
        services.AddScoped<IAuthorizationHandler, SavedSearchHandler>();
        services.AddScoped<ResourceAccess>();
        return services;
    }
}
