using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Authorization;

/// <summary>
/// The caller as the authorization handlers see it: its claims, and the actor already read for
/// this request, so that deciding access costs no second look-up.
/// </summary>
public sealed class ActorPrincipal(Actor actor) : ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, actor.UserId)], "actor"))
{
    public Actor Actor { get; } = actor;

    /// <summary>The actor behind <paramref name="user"/>: carried along, or read (once per request) from the database.</summary>
    public static async Task<Actor?> ResolveAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken ct = default) =>
        user is ActorPrincipal carried ? carried.Actor : await user.GetActorAsync(db, ct);
}
