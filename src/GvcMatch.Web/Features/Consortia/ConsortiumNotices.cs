using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>The inbox entries consortia leave (kinds kept here, beside the feature, rather than in <see cref="NotificationKinds"/>).</summary>
public static class ConsortiumNotificationKinds
{
    /// <summary>To every member of an invited SME.</summary>
    public const string Invite = "consortium-invite";

    /// <summary>To the lead: an invitee accepted or declined.</summary>
    public const string Answer = "consortium-answer";

    /// <summary>To the members: someone left, or the lead dissolved the consortium.</summary>
    public const string Change = "consortium-change";
}

/// <summary>Who is told what when a consortium changes. Sent after the change is stored.</summary>
public sealed class ConsortiumNotices(AppDbContext db, Notifier notifier)
{
    public static string Link(int consortiumId) => $"/Consortia/{consortiumId}";

    public async Task InvitedAsync(int id, string name, string leadName, string requirementTitle, IReadOnlyList<int> organizationIds, CancellationToken ct)
    {
        var users = await UsersOfAsync(organizationIds, ct);
        await notifier.NotifyAsync(users, ConsortiumNotificationKinds.Invite, Shorten($"{leadName} invites you to a consortium"),
            Shorten($"{name}, bidding for \"{requirementTitle}\". Accept or decline on the consortium's page."), Link(id), ct);
    }

    public async Task AnsweredAsync(Consortium c, int organizationId, bool accepted, CancellationToken ct)
    {
        var who = await NameAsync(organizationId, ct);
        var users = await UsersOfAsync([c.LeadOrganizationId], ct);
        await notifier.NotifyAsync(users, ConsortiumNotificationKinds.Answer,
            Shorten($"{who} {(accepted ? "accepted" : "declined")} your invitation"), Shorten(c.Name), Link(c.Id), ct);
    }

    public async Task LeftAsync(Consortium c, int organizationId, CancellationToken ct)
    {
        var who = await NameAsync(organizationId, ct);
        var users = await UsersOfAsync(Accepted(c).Where(o => o != organizationId).ToList(), ct);
        await notifier.NotifyAsync(users, ConsortiumNotificationKinds.Change, Shorten($"{who} left the consortium"), Shorten(c.Name), Link(c.Id), ct);
    }

    public async Task DissolvedAsync(Consortium c, CancellationToken ct)
    {
        var told = c.Members.Where(m => m.Status is ConsortiumMemberStatus.Accepted or ConsortiumMemberStatus.Invited && m.OrganizationId != c.LeadOrganizationId)
            .Select(m => m.OrganizationId).ToList();
        var users = await UsersOfAsync(told, ct);
        await notifier.NotifyAsync(users, ConsortiumNotificationKinds.Change, Shorten($"The consortium \"{c.Name}\" was dissolved by its lead"), null, Link(c.Id), ct);
    }

    private static IEnumerable<int> Accepted(Consortium c) =>
        c.Members.Where(m => m.Status == ConsortiumMemberStatus.Accepted).Select(m => m.OrganizationId);

    private Task<List<string>> UsersOfAsync(IReadOnlyList<int> organizationIds, CancellationToken ct) =>
        db.Users.Where(u => u.OrganizationId != null && organizationIds.Contains(u.OrganizationId.Value)).Select(u => u.Id).ToListAsync(ct);

    private Task<string> NameAsync(int organizationId, CancellationToken ct) =>
        db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Name).FirstAsync(ct);

    private static string Shorten(string s) => s.Length <= 300 ? s : s[..299] + "…";
}
