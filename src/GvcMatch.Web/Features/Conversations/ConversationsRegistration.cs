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
        services.AddSingleton<HubCallRateLimit>();
        services.AddSignalR(o => o.AddFilter<HubCallRateLimit>());
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
