using System.Net;
using System.Text;
using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Conversations;

/// <summary>The REST side of conversations: starting rules, membership, history, unread counts and archive.</summary>
public abstract class ConversationApiTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task Both_sides_of_a_requirement_open_the_same_conversation_however_often_they_start_it()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var requirement = await mne.PublishNewRequirementAsync();

        var first = await Expect.JsonAsync(await sme.Client.PostJsonAsync("/api/conversations", new { topic = "Requirement", aboutId = requirement }), HttpStatusCode.Created);
        var id = first.GetProperty("id").GetInt64();
        Assert.Equal("Requirement", first.GetProperty("topic").GetString());
        Assert.Equal(2, first.GetProperty("parties").GetArrayLength());
        Assert.Equal(1, first.GetProperty("lastSeq").GetInt64());
        Assert.Equal(1, first.GetProperty("lastReadSeq").GetInt64());

        var again = await Expect.JsonAsync(await sme.Client.PostJsonAsync("/api/conversations", new { topic = "Requirement", aboutId = requirement }), HttpStatusCode.OK);
        Assert.Equal(id, again.GetProperty("id").GetInt64());
        var fromMatch = await Expect.JsonAsync(await mne.Client.PostJsonAsync("/api/conversations",
            new { topic = "Match", aboutId = requirement, organizationId = sme.Me.OrgId }), HttpStatusCode.OK);
        Assert.Equal(id, fromMatch.GetProperty("id").GetInt64());

        var stored = Assert.Single(await app.StoredAsync(id));
        Assert.Equal("System", stored.Kind.ToString());
        Assert.Equal($"Conversation started by {sme.Me.OrganizationName}", stored.Body);
    }

    [DatabaseFact]
    public async Task Starting_rules_refuse_drafts_wrong_sides_unknown_ids_and_your_own_organisation()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var otherSme = await app.SignUpAsync(OrganizationKind.Sme);
        var draft = await mne.CreateRequirementAsync();
        var published = await mne.PublishNewRequirementAsync();
        var otherMne = await app.SignUpAsync(OrganizationKind.Mne);

        async Task<HttpResponseMessage> Start(Member who, object body) => await who.Client.PostJsonAsync("/api/conversations", body);

        await Expect.ProblemAsync(await Start(sme, new { topic = "Requirement", aboutId = draft }), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await Start(otherMne, new { topic = "Requirement", aboutId = published }), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await Start(otherMne, new { topic = "Match", aboutId = published, organizationId = sme.Me.OrgId }), HttpStatusCode.Forbidden);
        await Expect.ValidationErrorAsync(await Start(mne, new { topic = "Match", aboutId = published, organizationId = otherMne.Me.OrgId }), "organizationId");
        await Expect.ValidationErrorAsync(await Start(sme, new { topic = "Direct", organizationId = sme.Me.OrgId }), "organizationId");
        await Expect.ProblemAsync(await Start(sme, new { topic = "Direct", organizationId = 987654 }), HttpStatusCode.NotFound);
        await Expect.ValidationErrorAsync(await Start(sme, new { topic = "Direct" }), "organizationId");
        await Expect.ValidationErrorAsync(await Start(sme, new { organizationId = mne.Me.OrgId }), "topic");

        var listing = await sme.CreateIpListingAsync();
        await Expect.ProblemAsync(await Start(otherSme, new { topic = "IpListing", aboutId = listing }), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/ip-listings/{listing}/publish"), HttpStatusCode.OK);
        await Expect.ValidationErrorAsync(await Start(sme, new { topic = "IpListing", aboutId = listing }), "aboutId");
        var opened = await Expect.JsonAsync(await Start(otherSme, new { topic = "IpListing", aboutId = listing }), HttpStatusCode.Created);
        Assert.Contains(opened.GetProperty("parties").EnumerateArray(), p => p.GetProperty("organizationId").GetInt32() == sme.Me.OrgId);
    }

    [DatabaseFact]
    public async Task A_non_member_gets_404_from_every_conversation_endpoint_and_changes_nothing()
    {
        var (sme, _, id) = await app.PairAsync();
        await sme.SendRestAsync(id, "a-1", "Our quote follows.");
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        var before = await app.StoredAsync(id);

        var c = outsider.Client;
        await Expect.ProblemAsync(await c.GetAsync($"/api/conversations/{id}"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await c.GetAsync($"/api/conversations/{id}/messages?afterSeq=0"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await c.PostJsonAsync($"/api/conversations/{id}/messages", new { clientMessageId = "x", body = "hello" }), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await c.PostJsonAsync($"/api/conversations/{id}/read", new { seq = 1 }), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await c.PostAsync($"/api/conversations/{id}/archive"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await c.DeleteAsync($"/api/conversations/{id}/archive"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await c.GetAsync($"/api/conversations/{id}/messages/2/attachment"), HttpStatusCode.NotFound);
        using var form = Upload("note.txt", "hello"u8.ToArray(), "x-2");
        await Expect.ProblemAsync(await c.PostAsync($"/api/conversations/{id}/attachments", form), HttpStatusCode.NotFound);

        var list = await Expect.JsonAsync(await c.GetAsync("/api/conversations"), HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(before.Count, (await app.StoredAsync(id)).Count);
    }

    [DatabaseFact]
    public async Task History_reads_forward_and_back_in_pages_and_refuses_bad_paging()
    {
        var (sme, mne, id) = await app.PairAsync();
        for (var i = 1; i <= 6; i++) await sme.SendRestAsync(id, $"h-{i}", $"message {i}");

        var forward = await Expect.JsonAsync(await mne.Client.GetAsync($"/api/conversations/{id}/messages?afterSeq=0&limit=3"), HttpStatusCode.OK);
        Assert.Equal([1L, 2, 3], Seqs(forward));
        Assert.True(forward.GetProperty("hasMore").GetBoolean());
        var back = await Expect.JsonAsync(await mne.Client.GetAsync($"/api/conversations/{id}/messages?beforeSeq=7&limit=3"), HttpStatusCode.OK);
        Assert.Equal([4L, 5, 6], Seqs(back));
        Assert.True(back.GetProperty("hasMore").GetBoolean());
        var rest = await Expect.JsonAsync(await mne.Client.GetAsync($"/api/conversations/{id}/messages?afterSeq=4"), HttpStatusCode.OK);
        Assert.Equal([5L, 6, 7], Seqs(rest));
        Assert.False(rest.GetProperty("hasMore").GetBoolean());

        await Expect.ValidationErrorAsync(await mne.Client.GetAsync($"/api/conversations/{id}/messages?limit=201"), "limit");
        await Expect.ValidationErrorAsync(await mne.Client.GetAsync($"/api/conversations/{id}/messages?afterSeq=-1"), "afterSeq");
        await Expect.ValidationErrorAsync(await mne.Client.GetAsync($"/api/conversations/{id}/messages?afterSeq=ten"), "afterSeq");
        await Expect.ValidationErrorAsync(await mne.Client.GetAsync($"/api/conversations/{id}/messages?beforeSeq=0"), "beforeSeq");
    }

    [DatabaseFact]
    public async Task Sending_twice_with_one_client_message_id_stores_one_message()
    {
        var (sme, _, id) = await app.PairAsync();
        var first = await sme.SendRestAsync(id, "retry-1", "Can you do 5,000 pieces?");
        var retry = await sme.SendRestAsync(id, "retry-1", "Can you do 5,000 pieces?", HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("seq").GetInt64(), retry.GetProperty("seq").GetInt64());
        Assert.Equal(2, (await app.StoredAsync(id)).Count);

        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync($"/api/conversations/{id}/messages", new { clientMessageId = "e", body = " " }), "body");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync($"/api/conversations/{id}/messages", new { clientMessageId = "e", body = new string('x', 4001) }), "body");
        await Expect.ValidationErrorAsync(await sme.Client.PostJsonAsync($"/api/conversations/{id}/messages", new { body = "no id" }), "clientMessageId");
        Assert.Equal(2, (await app.StoredAsync(id)).Count);
    }

    [DatabaseFact]
    public async Task Unread_counts_follow_new_messages_and_read_positions()
    {
        var (sme, mne, id) = await app.PairAsync();
        for (var i = 1; i <= 3; i++) await sme.SendRestAsync(id, $"u-{i}", $"line {i}");

        Assert.Equal(4, await TotalUnreadAsync(mne));
        Assert.Equal(0, await TotalUnreadAsync(sme));
        var row = Assert.Single((await Expect.JsonAsync(await mne.Client.GetAsync("/api/conversations"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        Assert.Equal(4, row.GetProperty("unread").GetInt64());
        Assert.Equal("line 3", row.GetProperty("lastMessagePreview").GetString());

        await Expect.StatusAsync(await mne.Client.PostJsonAsync($"/api/conversations/{id}/read", new { seq = 2 }), HttpStatusCode.NoContent);
        Assert.Equal(2, await TotalUnreadAsync(mne));
        // Reading never moves backwards.
        await Expect.StatusAsync(await mne.Client.PostJsonAsync($"/api/conversations/{id}/read", new { seq = 1 }), HttpStatusCode.NoContent);
        Assert.Equal(2, await TotalUnreadAsync(mne));
        await Expect.ValidationErrorAsync(await mne.Client.PostJsonAsync($"/api/conversations/{id}/read", new { seq = 99 }), "seq");
        await Expect.StatusAsync(await mne.Client.PostJsonAsync($"/api/conversations/{id}/read", new { seq = 4 }), HttpStatusCode.NoContent);
        Assert.Equal(0, await TotalUnreadAsync(mne));
        var conversation = await Expect.JsonAsync(await mne.Client.GetAsync($"/api/conversations/{id}"), HttpStatusCode.OK);
        Assert.Equal(4, conversation.GetProperty("lastReadSeq").GetInt64());
    }

    [DatabaseFact]
    public async Task Archiving_is_per_person_and_news_from_the_other_side_brings_the_conversation_back()
    {
        var (sme, mne, id) = await app.PairAsync();
        await Expect.StatusAsync(await mne.Client.PostAsync($"/api/conversations/{id}/archive"), HttpStatusCode.NoContent);

        Assert.Empty(await ListIdsAsync(mne, archived: false));
        Assert.Equal([id], await ListIdsAsync(mne, archived: true));
        Assert.Equal([id], await ListIdsAsync(sme, archived: false));
        Assert.Equal(0, await TotalUnreadAsync(mne));

        // Your own message does not un-archive; one from the other side does.
        await mne.SendRestAsync(id, "own-1", "Filed away.");
        Assert.Equal([id], await ListIdsAsync(mne, archived: true));
        await sme.SendRestAsync(id, "news-1", "New drawing attached.");
        Assert.Equal([id], await ListIdsAsync(mne, archived: false));
        Assert.Empty(await ListIdsAsync(mne, archived: true));

        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/conversations/{id}/archive"), HttpStatusCode.NoContent);
        await Expect.StatusAsync(await sme.Client.DeleteAsync($"/api/conversations/{id}/archive"), HttpStatusCode.NoContent);
        Assert.Equal([id], await ListIdsAsync(sme, archived: false));
    }

    [DatabaseFact]
    public async Task Message_notifications_are_coalesced_until_the_conversation_is_read()
    {
        var (sme, mne, id) = await app.PairAsync();
        // The start left an entry of its own kind for the other side, which the first message does not fold into.
        Assert.Equal(1, await MessageNotificationsAsync(mne, "conversation"));
        Assert.Equal(0, await MessageNotificationsAsync(mne));
        for (var i = 1; i <= 3; i++) await sme.SendRestAsync(id, $"n-{i}", $"update {i}");
        Assert.Equal(1, await MessageNotificationsAsync(mne));
        Assert.Equal(0, await MessageNotificationsAsync(sme));

        // Reading to the end marks both read; the next message is news again.
        await Expect.StatusAsync(await mne.Client.PostJsonAsync($"/api/conversations/{id}/read", new { seq = 4 }), HttpStatusCode.NoContent);
        Assert.Equal(0, (await Expect.JsonAsync(await mne.Client.GetAsync("/api/notifications"), HttpStatusCode.OK)).GetProperty("unread").GetInt32());
        await sme.SendRestAsync(id, "n-4", "one more");
        Assert.Equal(2, await MessageNotificationsAsync(mne));
        var inbox = await Expect.JsonAsync(await mne.Client.GetAsync("/api/notifications"), HttpStatusCode.OK);
        Assert.Equal(1, inbox.GetProperty("unread").GetInt32());
        Assert.Equal($"/Conversations/{id}", inbox.GetProperty("items").GetProperty("items")[0].GetProperty("link").GetString());
    }

    [DatabaseFact]
    public async Task Attachments_are_type_checked_stored_under_a_random_key_and_served_only_to_participants()
    {
        var (sme, mne, id) = await app.PairAsync();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
        using (var form = Upload("../../quote v2.pdf", pdf, "f-1", "Our quote"))
        {
            var sent = await Expect.JsonAsync(await sme.Client.PostAsync($"/api/conversations/{id}/attachments", form), HttpStatusCode.Created);
            Assert.Equal("Attachment", sent.GetProperty("kind").GetString());
            Assert.Equal("quote v2.pdf", sent.GetProperty("attachment").GetProperty("name").GetString());
            var url = sent.GetProperty("attachment").GetProperty("url").GetString()!;

            var download = await mne.Client.GetAsync(url);
            await Expect.StatusAsync(download, HttpStatusCode.OK);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));

            var outsider = await app.SignUpAsync(OrganizationKind.Mne);
            await Expect.ProblemAsync(await outsider.Client.GetAsync(url), HttpStatusCode.NotFound);
        }
        var stored = Directory.GetFiles(Path.Combine(app.Database.DataFolder, "attachments")).Select(Path.GetFileName).ToList();
        Assert.NotEmpty(stored);
        Assert.All(stored, name => Assert.Matches("^[0-9a-f]{32}$", name));

        using (var exe = Upload("tool.exe", [0x4D, 0x5A, 0x90, 0x00], "f-2"))
            await Expect.ValidationErrorAsync(await sme.Client.PostAsync($"/api/conversations/{id}/attachments", exe), "file");
        using (var fake = Upload("scan.pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "f-3"))
            await Expect.ValidationErrorAsync(await sme.Client.PostAsync($"/api/conversations/{id}/attachments", fake), "file");
        using (var binaryText = Upload("notes.txt", [0x41, 0x00, 0x42], "f-4"))
            await Expect.ValidationErrorAsync(await sme.Client.PostAsync($"/api/conversations/{id}/attachments", binaryText), "file");
        var big = new byte[10 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(big);
        using (var tooLarge = Upload("big.pdf", big, "f-5"))
            await Expect.ProblemAsync(await sme.Client.PostAsync($"/api/conversations/{id}/attachments", tooLarge), HttpStatusCode.RequestEntityTooLarge);
        using (var csv = Upload("prices.csv", "part,price\nA-1,2.50\n"u8.ToArray(), "f-6"))
            await Expect.StatusAsync(await sme.Client.PostAsync($"/api/conversations/{id}/attachments", csv), HttpStatusCode.Created);

        Assert.Equal(3, (await app.StoredAsync(id)).Count);
    }

    internal static MultipartFormDataContent Upload(string fileName, byte[] bytes, string clientMessageId, string? body = null)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", fileName }, { new StringContent(clientMessageId), "clientMessageId" } };
        if (body is not null) form.Add(new StringContent(body), "body");
        return form;
    }

    private static long[] Seqs(JsonElement page) => page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64()).ToArray();

    private static async Task<long> TotalUnreadAsync(Member who) =>
        (await Expect.JsonAsync(await who.Client.GetAsync("/api/conversations/unread"), HttpStatusCode.OK)).GetProperty("total").GetInt64();

    private static async Task<long[]> ListIdsAsync(Member who, bool archived) =>
        (await Expect.JsonAsync(await who.Client.GetAsync($"/api/conversations?archived={archived}"), HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToArray();

    private static async Task<int> MessageNotificationsAsync(Member who, string kind = "message") =>
        (await Expect.JsonAsync(await who.Client.GetAsync("/api/notifications?pageSize=100"), HttpStatusCode.OK))
            .GetProperty("items").GetProperty("items").EnumerateArray().Count(n => n.GetProperty("kind").GetString() == kind);
}

[Collection(SharedApps.SqliteC)]
public sealed class ConversationApiTestsOnSqlite(SqliteApp app) : ConversationApiTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class ConversationApiTestsOnPostgres(PostgresApp app) : ConversationApiTests(app), IUsesPostgres;
