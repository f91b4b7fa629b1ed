using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Organizations;

public sealed record MemberDto(string UserId, string Email, string? DisplayName, MemberRole Role);
public sealed record AddMemberRequest(string Email, string? DisplayName, string Password, MemberRole Role = MemberRole.Member);
public sealed record ChangeRoleRequest(MemberRole Role);

/// <summary>
/// Owners manage who acts for their organisation: they create accounts for colleagues, change
/// roles and remove people. Removal takes effect on the next request, since every request reads
/// the membership from the database, and it also ends the removed person's sessions (a new
/// security stamp: their tokens, cookies and hub connections stop). Every change is audited.
/// </summary>
public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/organizations/{id:int}/members").WithTags("Organisations").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("Members of your organisation");
        group.MapGet("/{userId}", GetAsync).WithSummary("One member of your organisation; its ETag is the version to send in If-Match");
        group.MapPost("/", AddAsync).WithSummary("Create an account for a colleague (owners)");
        group.MapPut("/{userId}", ChangeRoleAsync).WithSummary("Change a member's role (owners; If-Match: the member's ETag, optional)");
        group.MapDelete("/{userId}", RemoveAsync).WithSummary("Remove a member (owners; If-Match: the member's ETag, optional)");
        return app;
    }

    private static async Task<Results<Ok<List<MemberDto>>, ProblemHttpResult>> ListAsync(int id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (!Access.IsMember(actor, id)) return Problems.Forbidden("Only members see who belongs to an organisation.");
        var members = await db.Users.AsNoTracking().Where(u => u.OrganizationId == id).OrderBy(u => u.Email)
            .Select(u => new MemberDto(u.Id, u.Email!, u.DisplayName, u.Role)).ToListAsync(ct);
        return TypedResults.Ok(members);
    }

    private static async Task<Results<Ok<MemberDto>, ProblemHttpResult>> GetAsync(int id, string userId, HttpResponse response, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (!Access.IsMember(actor, id)) return Problems.Forbidden("Only members see who belongs to an organisation.");
        var member = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.OrganizationId == id, ct);
        if (member is null) return Problems.NotFound("The member");
        response.Tag(Version(member));
        return TypedResults.Ok(new MemberDto(member.Id, member.Email!, member.DisplayName, member.Role));
    }

    private const string What = "this member";

    /// <summary>
    /// A member's version is the user row's own concurrency stamp (Identity's, a GUID, already a concurrency
    /// token): replaced on a role change or removal here and on any change Identity saves for the user.
    /// </summary>
    private static Guid Version(AppUser member) => Guid.TryParse(member.ConcurrencyStamp, out var stamp) ? stamp : Guid.Empty;

    private static void NewVersion(AppUser member) => member.ConcurrencyStamp = Guid.NewGuid().ToString();

    private static async Task<Results<Created<MemberDto>, ValidationProblem, ProblemHttpResult>> AddAsync(
        int id, AddMemberRequest request, HttpContext http, ClaimsPrincipal user, AppDbContext db, UserManager<AppUser> users, AuditTrail audit, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null || Access.CanEditOrganization(actor, id) is not null) return Problems.Forbidden("Only an owner of this organisation can add members.");

        var errors = new Errors();
        errors.Required("email", request.Email, 256);
        errors.Required("password", request.Password, 128);
        errors.MaxLength("displayName", request.DisplayName, 100);
        if (!Enum.IsDefined(request.Role)) errors.Add("role", "Role is Owner or Member.");
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var member = new AppUser { UserName = request.Email.Trim(), Email = request.Email.Trim(), DisplayName = request.DisplayName?.Trim(), OrganizationId = id, Role = request.Role };
        // Staged first, so the user's creation saves it too.
        var entry = await audit.AddAsync(actor.UserId, AuditActions.MemberAdded, AuditTarget.Of(member), id, $"Added as {request.Role}.", ct);
        var result = await users.CreateAsync(member, request.Password);
        if (!result.Succeeded)
        {
            db.Entry(entry).State = EntityState.Detached;
            foreach (var e in result.Errors) errors.Add(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description);
            return Problems.Invalid(errors.ToDictionary());
        }
        http.Response.Tag(Version(member));
        return TypedResults.Created($"/api/organizations/{id}/members/{member.Id}", new MemberDto(member.Id, member.Email!, member.DisplayName, member.Role));
    }

    private static async Task<Results<Ok<MemberDto>, ValidationProblem, ProblemHttpResult>> ChangeRoleAsync(
        int id, string userId, ChangeRoleRequest request, HttpRequest http, ClaimsPrincipal user, AppDbContext db, AuditTrail audit, CancellationToken ct)
    {
        var (actor, member, problem) = await LoadMemberForOwnerAsync(id, userId, user, db, ct);
        if (problem is not null) return problem;
        if (!Enum.IsDefined(request.Role)) return Problems.Invalid("role", "Role is Owner or Member.");
        if (IfMatch.From(http).Check(Version(member!), What) is { } stale) return stale.ToProblem();
        if (member!.Role == MemberRole.Owner && request.Role != MemberRole.Owner && await IsLastOwnerAsync(db, id, ct))
            return Problems.Conflict("An organisation keeps at least one owner.");
        if (member.Role != request.Role)
            await audit.AddAsync(actor!.UserId, AuditActions.MemberRoleChanged, AuditTarget.Of(member), id, $"{member.Role} to {request.Role}.", ct);
        member.Role = request.Role;
        NewVersion(member);
        if (await db.SaveVersionedAsync(What, ct) is { } lost) return lost.ToProblem();
        http.HttpContext.Response.Tag(Version(member));
        return TypedResults.Ok(new MemberDto(member.Id, member.Email!, member.DisplayName, member.Role));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        int id, string userId, HttpRequest http, ClaimsPrincipal user, AppDbContext db, AuditTrail audit, SessionRevocation sessions, CancellationToken ct)
    {
        var (actor, member, problem) = await LoadMemberForOwnerAsync(id, userId, user, db, ct);
        if (problem is not null) return problem;
        if (IfMatch.From(http).Check(Version(member!), What) is { } stale) return stale.ToProblem();
        if (member!.Role == MemberRole.Owner && await IsLastOwnerAsync(db, id, ct))
            return Problems.Conflict("An organisation keeps at least one owner.");
        await audit.AddAsync(actor!.UserId, AuditActions.MemberRemoved, AuditTarget.Of(member), id, $"Was {member.Role}.", ct);
        member.OrganizationId = null;
        member.Role = MemberRole.Member;
        SessionRevocation.NewStamp(member);
        NewVersion(member);
        if (await db.SaveVersionedAsync(What, ct) is { } lost) return lost.ToProblem();
        await sessions.EndedAsync(member.Id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<(Actor?, AppUser?, ProblemHttpResult?)> LoadMemberForOwnerAsync(int id, string userId, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null || Access.CanEditOrganization(actor, id) is not null) return (actor, null, Problems.Forbidden("Only an owner of this organisation can manage members."));
        var member = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.OrganizationId == id, ct);
        return member is null ? (actor, null, Problems.NotFound("The member")) : (actor, member, null);
    }

    private static async Task<bool> IsLastOwnerAsync(AppDbContext db, int id, CancellationToken ct) =>
        await db.Users.CountAsync(u => u.OrganizationId == id && u.Role == MemberRole.Owner, ct) <= 1;
}
