using GvcMatch.Web.Features.Email;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
            services.AddSignalR();
            services.AddSingleton<BackplaneConnection>();
            services.AddSingleton(typeof(RedisHubLifetimeManager<>));
            services.AddSingleton(typeof(DefaultHubLifetimeManager<>));
            // Registered last, so it is the manager SignalR uses: Redis while it answers, this
            // instance's connections while it does not.
            services.AddSingleton(typeof(HubLifetimeManager<>), typeof(ResilientHubLifetimeManager<>));
            // Read through the validated options, so a bad connection string stops the start with
            // a message naming the key (the hub's lifetime manager is built before the host starts).
            services.AddOptions<RedisOptions>().Configure<IOptions<BackplaneOptions>, BackplaneConnection>((o, backplane, connection) =>
            {
                o.Configuration = BackplaneConnection.Configuration(backplane.Value);
                o.ConnectionFactory = connection.ConnectAsync;
            });
        }
        return services;
    }
}
