using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace GvcMatch.Web.Features.Authorization;

/// <summary>
/// Asks <see cref="IAuthorizationService"/> whether the caller may perform an operation on a
/// resource, and turns a refusal into the app's <see cref="Refusal"/> (403 with the handler's reason).
/// </summary>
public sealed class ResourceAccess(IAuthorizationService authorization)
{
    public async Task<Refusal?> CheckAsync(Actor actor, object resource, OperationAuthorizationRequirement operation)
    {
        var result = await authorization.AuthorizeAsync(new ActorPrincipal(actor), resource, operation);
        if (result.Succeeded) return null;
        var reason = result.Failure?.FailureReasons.Select(r => r.Message).FirstOrDefault(m => m.Length > 0);
        return Refusal.Forbidden(reason ?? "You may not do this.");
    }

    public async Task<bool> AllowsAsync(Actor? actor, object resource, OperationAuthorizationRequirement operation) =>
        actor is not null && await CheckAsync(actor, resource, operation) is null;
}
