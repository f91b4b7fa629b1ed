using GvcMatch.Web.Features.Email;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
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
            services.AddSignalR().AddStackExchangeRedis();
            // Read through the validated options, so a bad connection string stops the start with
            // a message naming the key (the hub's lifetime manager is built before the host starts).
            services.AddOptions<RedisOptions>().Configure<IOptions<BackplaneOptions>>((o, backplane) =>
            {
                o.Configuration = ConfigurationOptions.Parse(backplane.Value.Redis!);
                o.Configuration.ChannelPrefix = RedisChannel.Literal(BackplaneOptions.ChannelPrefix);
                // Keep starting and keep retrying while Redis is briefly away, instead of failing the app.
                o.Configuration.AbortOnConnectFail = false;
            });
        }
        return services;
    }
}
