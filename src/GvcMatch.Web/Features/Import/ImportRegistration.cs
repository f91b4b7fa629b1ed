namespace GvcMatch.Web.Features.Import;

public static class ImportRegistration
{
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddScoped<SeedImporter>();
        services.AddScoped<ImportedDocuments>();
        services.AddScoped<ImportAudit>();
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
