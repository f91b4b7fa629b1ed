using GvcMatch.Web.Hubs;

namespace GvcMatch.Web.Features.Conversations;

public static class ConversationsRegistration
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddScoped<ConversationStore>();
        services.AddScoped<Notifications.Notifier>();
        services.AddSignalR();
        return services;
    }

    public static IEndpointRouteBuilder MapConversationsHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<NegotiationHub>(NegotiationHub.Path);
        return app;
    }
}
