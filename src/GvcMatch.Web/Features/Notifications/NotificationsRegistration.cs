using GvcMatch.Web.Features.Email;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace GvcMatch.Web.Features.Notifications;

public static class NotificationsRegistration
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddScoped<Notifier>();
        services.AddSingleton<RequirementAlertQueue>();
        services.AddSingleton<RequirementAlertWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RequirementAlertWorker>());
        services.AddEmail();

        services.AddOptions<BackplaneOptions>().BindConfiguration(BackplaneOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var redis = configuration.GetSection(BackplaneOptions.Section).Get<BackplaneOptions>()?.Redis;
        if (!string.IsNullOrWhiteSpace(redis))
        {
            // AddSignalR returns the one builder however often it is called (conversations calls it too).
            services.AddSignalR().AddStackExchangeRedis(o =>
            {
                o.Configuration = ConfigurationOptions.Parse(redis);
                o.Configuration.ChannelPrefix = RedisChannel.Literal(BackplaneOptions.ChannelPrefix);
                // Keep starting and keep retrying while Redis is briefly away, instead of failing the app.
                o.Configuration.AbortOnConnectFail = false;
            });
        }
        return services;
    }
}
