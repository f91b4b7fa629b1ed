using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.ProtectedDocuments;
using GvcMatch.Web.Hubs;
using GvcMatch.Web.Tests.Conversations;
using GvcMatch.Web.Tests.DealRoom;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.AccessControl;

/// <summary>
/// A protected file sent in a conversation that requires an NDA, over every way to it: the protected
/// download, the conversation's attachment route and the hub's history. For both members of the sender,
/// both members of the other party (before and after it accepts, after revocation and after expiry),
/// both members of an outsider and a visitor.
/// </summary>
public abstract class ConversationDocumentAccessTests(GvcMatchApp app)
{
    private sealed record Cast(Member Buyer, Member BuyerColleague, Member Sme, Member SmeColleague, Member Outsider, Member OutsiderColleague,
        HttpClient Visitor, long ConversationId, int DocumentId, long Seq)
    {
        public string Download => $"/api/protected-documents/{DocumentId}/download";
        public string Attachment => $"/api/conversations/{ConversationId}/messages/{Seq}/attachment";
    }

    private async Task<Cast> CastAsync()
    {
        var (sme, buyer, id) = await app.PairAsync();
        await Expect.StatusAsync(await buyer.Client.PutJsonAsync($"/api/conversations/{id}/nda", DealRoomKit.Policy()), HttpStatusCode.OK);
        var sent = await SendProtectedAsync(buyer, id, DealRoomKit.Drawing(2), "housing.pdf", "p-1");
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        return new Cast(buyer, await app.ColleagueAsync(buyer), sme, await app.ColleagueAsync(sme), outsider, await app.ColleagueAsync(outsider),
            app.CreateClient(new() { AllowAutoRedirect = false }), id,
            sent.GetProperty("attachment").GetProperty("documentId").GetInt32(), sent.GetProperty("seq").GetInt64());
    }

    private static async Task<JsonElement> SendProtectedAsync(Member from, long id, byte[] file, string name, string clientMessageId, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var form = ConversationApiTests.Upload(name, file, clientMessageId, "Our drawing");
        form.Add(new StringContent("true"), "protected");
        return await Expect.JsonAsync(await from.Client.PostAsync($"/api/conversations/{id}/attachments", form), expected);
    }

    /// <summary>Both routes to the file answer the same for each caller; a refusal never carries the PDF.</summary>
    private static async Task ExpectAsync(Cast c, params (HttpClient Client, HttpStatusCode Status)[] cases)
    {
        foreach (var (client, status) in cases)
            foreach (var url in new[] { c.Download, c.Attachment })
            {
                var response = await client.GetAsync(url);
                await Expect.StatusAsync(response, status);
                if (status == HttpStatusCode.OK) Assert.True(response.Headers.Contains("X-Delivery-Fingerprint"), $"{url} sent a copy without a fingerprint");
                else Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
            }
    }

    [DatabaseFact]
    public async Task AProtectedFileInAConversationOpensForTheOtherPartyOnlyAfterItAcceptsTheConversationsNda()
    {
        var c = await CastAsync();
        await ExpectAsync(c,
            (c.Buyer.Client, HttpStatusCode.OK), (c.BuyerColleague.Client, HttpStatusCode.OK),
            (c.Sme.Client, HttpStatusCode.Forbidden), (c.SmeColleague.Client, HttpStatusCode.Forbidden),
            (c.Outsider.Client, HttpStatusCode.NotFound), (c.OutsiderColleague.Client, HttpStatusCode.NotFound),
            (c.Visitor, HttpStatusCode.Unauthorized));

        // The NDA is the buyer's to set: the SME reads it and accepts, an outsider does not even find it.
        await Expect.StatusAsync(await c.Outsider.Client.GetAsync($"/api/conversations/{c.ConversationId}/nda"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await c.Sme.Client.PutJsonAsync($"/api/conversations/{c.ConversationId}/nda", DealRoomKit.Policy()), HttpStatusCode.Forbidden);
        var nda = await c.SmeColleague.AcceptNdaAsync("conversations", (int)c.ConversationId);
        Assert.Equal("Conversation", nda.GetProperty("subject").GetString());
        Assert.Equal(c.Buyer.Me.OrgId, nda.GetProperty("ownerOrganizationId").GetInt32());

        await ExpectAsync(c,
            (c.Sme.Client, HttpStatusCode.OK), (c.SmeColleague.Client, HttpStatusCode.OK),
            (c.Outsider.Client, HttpStatusCode.NotFound), (c.Visitor, HttpStatusCode.Unauthorized));
        var first = await c.Sme.Client.GetAsync(c.Download);
        var second = await c.SmeColleague.Client.GetAsync(c.Download);
        Assert.NotEqual(first.Headers.GetValues("X-Delivery-Fingerprint").Single(), second.Headers.GetValues("X-Delivery-Fingerprint").Single());

        // Every attempt of a signed-in caller is in the sender's log: the SME's four refusals, its deliveries, and the outsider's tries, none with a copy.
        var log = await Expect.JsonAsync(await c.Buyer.Client.GetAsync($"/api/protected-documents/{c.DocumentId}/log"), HttpStatusCode.OK);
        var entries = log.GetProperty("entries").EnumerateArray().ToList();
        static bool Of(JsonElement e, int org) => e.TryGetProperty("organizationId", out var o) && o.ValueKind == JsonValueKind.Number && o.GetInt32() == org;
        static bool Refused(JsonElement e) => e.TryGetProperty("refusal", out var r) && r.ValueKind == JsonValueKind.String;
        Assert.Equal(4, entries.Count(e => Of(e, c.Sme.Me.OrgId) && Refused(e)));
        Assert.Equal(6, entries.Count(e => Of(e, c.Sme.Me.OrgId) && !Refused(e)));
        Assert.All(entries.Where(e => Of(e, c.Outsider.Me.OrgId)), e => Assert.True(Refused(e)));
        await Expect.StatusAsync(await c.Sme.Client.GetAsync($"/api/protected-documents/{c.DocumentId}/log"), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task RevocationAndExpiryCloseTheFileForBothMembersOfTheOtherParty()
    {
        var c = await CastAsync();
        await c.Sme.AcceptNdaAsync("conversations", (int)c.ConversationId);
        await ExpectAsync(c, (c.SmeColleague.Client, HttpStatusCode.OK));

        app.Clock.Advance(TimeSpan.FromDays(400));
        try
        {
            await ExpectAsync(c, (c.Sme.Client, HttpStatusCode.Forbidden), (c.SmeColleague.Client, HttpStatusCode.Forbidden), (c.Buyer.Client, HttpStatusCode.OK));
        }
        finally
        {
            app.Clock.Reset();
        }

        await Expect.StatusAsync(await c.Sme.Client.DeleteAsync($"/api/protected-documents/{c.DocumentId}/recipients/{c.Sme.Me.OrgId}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await c.BuyerColleague.Client.DeleteAsync($"/api/protected-documents/{c.DocumentId}/recipients/{c.Sme.Me.OrgId}"), HttpStatusCode.NoContent);
        await ExpectAsync(c, (c.Sme.Client, HttpStatusCode.Forbidden), (c.SmeColleague.Client, HttpStatusCode.Forbidden), (c.Buyer.Client, HttpStatusCode.OK));

        await Expect.StatusAsync(await c.Buyer.Client.PutAsync($"/api/protected-documents/{c.DocumentId}/recipients/{c.Sme.Me.OrgId}", null), HttpStatusCode.NoContent);
        await ExpectAsync(c, (c.Sme.Client, HttpStatusCode.OK));
        await Expect.StatusAsync(await c.Buyer.Client.PostAsync($"/api/protected-documents/{c.DocumentId}/withdraw"), HttpStatusCode.NoContent);
        await ExpectAsync(c, (c.Sme.Client, HttpStatusCode.Forbidden), (c.SmeColleague.Client, HttpStatusCode.Forbidden), (c.BuyerColleague.Client, HttpStatusCode.OK));
    }

    [DatabaseFact]
    public async Task TheHubShowsTheProtectedFileOnlyToPartiesAndOnlyAsTheGatedLink()
    {
        var c = await CastAsync();
        await using var outsider = await app.ConnectAsync(c.Outsider);
        Assert.Equal(HubErrors.NotFound, await HubClients.HubErrorAsync(() => outsider.Connection.JoinAsync(c.ConversationId)));

        await using var sme = await app.ConnectAsync(c.SmeColleague);
        var joined = await sme.Connection.JoinAsync(c.ConversationId);
        var attachment = joined.Messages.Single(m => m.Seq == c.Seq).Attachment!;
        Assert.True(attachment.Protected);
        Assert.Equal(c.Download, attachment.Url);
        // The link the hub hands out is refused until the NDA is accepted, like every other way to the file.
        await Expect.StatusAsync(await c.SmeColleague.Client.GetAsync(attachment.Url), HttpStatusCode.Forbidden);

        // A party's own protected file in return: a mutual NDA binds the side that asked for it too.
        await Expect.StatusAsync(await c.Buyer.Client.PutJsonAsync($"/api/conversations/{c.ConversationId}/nda", DealRoomKit.Policy("platform:mutual:en")), HttpStatusCode.OK);
        await c.Sme.AcceptNdaAsync("conversations", (int)c.ConversationId);
        var back = await SendProtectedAsync(c.Sme, c.ConversationId, DealRoomKit.Picture(), "sample.png", "p-2");
        var backDoc = back.GetProperty("attachment").GetProperty("documentId").GetInt32();
        await Expect.StatusAsync(await c.BuyerColleague.Client.GetAsync($"/api/protected-documents/{backDoc}/download"), HttpStatusCode.OK);
        await Expect.StatusAsync(await c.Outsider.Client.GetAsync($"/api/protected-documents/{backDoc}/download"), HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AProtectedAttachmentPassesTheProtectedDocumentChecksAndARetryStoresNothingNew()
    {
        var c = await CastAsync();
        var text = await SendProtectedAsync(c.Buyer, c.ConversationId, "plain words"u8.ToArray(), "notes.txt", "p-3", HttpStatusCode.BadRequest);
        Assert.True(text.GetProperty("errors").TryGetProperty("file", out _));
        var encrypted = await SendProtectedAsync(c.Buyer, c.ConversationId, DealRoomKit.PdfWith("/Encrypt 9 0 R"), "locked.pdf", "p-4", HttpStatusCode.BadRequest);
        Assert.True(encrypted.GetProperty("errors").TryGetProperty("file", out _));
        using (var form = ConversationApiTests.Upload("x.pdf", DealRoomKit.Drawing(1), "p-5"))
        {
            form.Add(new StringContent("maybe"), "protected");
            await Expect.ValidationErrorAsync(await c.Buyer.Client.PostAsync($"/api/conversations/{c.ConversationId}/attachments", form), "protected");
        }

        var before = await app.WithDbAsync(db => db.ProtectedDocuments.CountAsync(d => d.Subject == NdaSubject.Conversation && d.SubjectId == (int)c.ConversationId));
        var retried = await SendProtectedAsync(c.Buyer, c.ConversationId, DealRoomKit.Drawing(2), "housing.pdf", "p-1", HttpStatusCode.OK);
        Assert.Equal(c.DocumentId, retried.GetProperty("attachment").GetProperty("documentId").GetInt32());
        Assert.Equal(before, await app.WithDbAsync(db => db.ProtectedDocuments.CountAsync(d => d.Subject == NdaSubject.Conversation && d.SubjectId == (int)c.ConversationId)));
    }
}

public sealed class ConversationDocumentAccessTestsOnSqlite(SqliteApp app) : ConversationDocumentAccessTests(app), IClassFixture<SqliteApp>;

public sealed class ConversationDocumentAccessTestsOnPostgres(PostgresApp app) : ConversationDocumentAccessTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
