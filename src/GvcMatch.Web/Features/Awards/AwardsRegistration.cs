namespace GvcMatch.Web.Features.Awards;

public static class AwardsRegistration
{
    public static IServiceCollection AddAwards(this IServiceCollection services)
    {
        services.AddOptions<AwardsOptions>().BindConfiguration(AwardsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ExchangeRatesOptions>().BindConfiguration(ExchangeRatesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<EvaluationService>();
        services.AddScoped<AwardService>();
        services.AddScoped<ComplaintService>();
        return services;
    }
}

/// <summary>Inbox entry kinds of this feature (kept here rather than in NotificationKinds, one owner per file).</summary>
public static class AwardNotificationKinds
{
    public const string Award = "bid-award";
    public const string Cancelled = "requirement-cancelled";
    public const string Complaint = "complaint";
}
