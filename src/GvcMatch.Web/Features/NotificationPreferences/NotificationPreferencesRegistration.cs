namespace GvcMatch.Web.Features.NotificationPreferences;

public static class NotificationPreferencesRegistration
{
    public static IServiceCollection AddNotificationPreferences(this IServiceCollection services)
    {
        services.AddScoped<PreferenceStore>();
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section)
            .Validate(o => o.CheckInterval >= TimeSpan.FromSeconds(1) && o.CheckInterval <= TimeSpan.FromHours(1),
                "Notifications:Digests:CheckInterval must be between one second and one hour.")
            .ValidateOnStart();
        services.AddSingleton<DigestWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestWorker>());
        return services;
    }
}
