using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Conversations;

/// <summary>Set-up steps shared by the conversation tests; each checks its own status.</summary>
public static class Negotiations
{
    public static async Task<long> StartDirectAsync(this Member from, Member to)
    {
        var created = await Expect.JsonAsync(await from.Client.PostJsonAsync("/api/conversations",
            new { topic = "Direct", organizationId = to.Me.OrgId }), HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    /// <summary>An SME and an MNE with a direct conversation the SME started (seq 1 is the system line).</summary>
    public static async Task<(Member Sme, Member Mne, long Id)> PairAsync(this GvcMatchApp app)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        return (sme, mne, await sme.StartDirectAsync(mne));
    }

    public static async Task<JsonElement> SendRestAsync(this Member member, long id, string clientMessageId, string body, HttpStatusCode expected = HttpStatusCode.Created) =>
        await Expect.JsonAsync(await member.Client.PostJsonAsync($"/api/conversations/{id}/messages", new { clientMessageId, body }), expected);

    public static Task<List<Message>> StoredAsync(this GvcMatchApp app, long id) =>
        app.WithDbAsync(db => db.Set<Message>().AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.Seq).ToListAsync());
}
