using GvcMatch.Web.Data;

namespace GvcMatch.Web.Infrastructure;

public static class ActorRuleFilter
{
    /// <summary>
    /// Lets a request through only when the caller, read fresh from the database, passes
    /// <paramref name="rule"/> (null = allowed, otherwise the reason for the 403).
    /// </summary>
    public static TBuilder RequireActor<TBuilder>(this TBuilder builder, Func<Actor, string?> rule) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            var actor = await http.User.GetActorAsync(http.RequestServices.GetRequiredService<AppDbContext>(), http.RequestAborted);
            if (actor is null) return Problems.Forbidden("Sign in again.");
            return rule(actor) is { } reason ? Problems.Forbidden(reason) : await next(ctx);
        });
}
