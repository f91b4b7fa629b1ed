using GvcMatch.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Conversations;

public static class ConversationsRegistration
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ConversationStore>();
        services.AddScoped<MessageBatch>();
        services.AddScoped<MessageNews>();
        services.AddSingleton<MessageWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<MessageWriter>());
        services.AddSingleton<UnreadBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<UnreadBroadcaster>());
        services.AddScoped<ConversationMessaging>();
        services.AddScoped<Notifications.Notifier>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<SendBudget>();
        services.AddSingleton<HubCallRateLimit>();
        services.AddSingleton<HubErrorLogging>();
        // Outermost first: the logging filter also sees the call limit's refusals.
        services.AddSignalR(o =>
        {
            o.AddFilter<HubErrorLogging>();
            o.AddFilter<HubCallRateLimit>();
        });
        // SignalR logs every failed hub call at Error with its stack trace, including the refusals
        // a caller causes (not found, invalid, rate limited). HubErrorLogging logs those at
        // Information and real faults at Error, so the dispatcher's own line is left out.
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(
            new LoggerFilterRule(null, HubErrorLogging.DispatcherCategory, LogLevel.Critical, null)));
        // A frame over the limit closes the connection (SignalR's rule); the limit sits far above
        // any valid call, and over-long message bodies below it get an "invalid" answer instead.
        services.AddOptions<HubOptions>().Configure<IOptions<MessagingOptions>>((hub, messaging) =>
            hub.MaximumReceiveMessageSize = messaging.Value.MaximumReceiveMessageSize);
        return services;
    }

    public static IEndpointRouteBuilder MapConversationsHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<NegotiationHub>(NegotiationHub.Path);
        return app;
    }
}
