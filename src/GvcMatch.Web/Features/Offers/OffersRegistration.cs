namespace GvcMatch.Web.Features.Offers;

public static class OffersRegistration
{
    public static IServiceCollection AddOffers(this IServiceCollection services)
    {
        services.AddOptions<OffersOptions>().BindConfiguration(OffersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OfferService>();
        services.AddScoped<OfferAnnouncer>();
        services.AddHostedService<OfferExpirySweep>();
        return services;
    }
}
