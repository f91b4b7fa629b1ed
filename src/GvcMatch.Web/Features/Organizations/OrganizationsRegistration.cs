namespace GvcMatch.Web.Features.Organizations;

public static class OrganizationsRegistration
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddScoped<VerificationService>();
        services.AddScoped<OrganizationService>();
        return services;
    }
}
