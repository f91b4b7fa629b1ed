using System.Collections.Concurrent;
using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.ProtectedDocuments;
using GvcMatch.Web.Hubs;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace GvcMatch.Web.Tests.DealRoom;

/// <summary>Connected clients of the affected organisation hear of a revocation at once, through the real SignalR client; nobody else does.</summary>
public sealed class RevocationHubTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static ConcurrentQueue<DocumentRevokedEvent> Listen(HubClient client)
    {
        var heard = new ConcurrentQueue<DocumentRevokedEvent>();
        client.Connection.On<DocumentRevokedEvent>(nameof(INegotiationClient.DocumentRevoked), heard.Enqueue);
        return heard;
    }

    private static async Task WaitForAsync(ConcurrentQueue<DocumentRevokedEvent> heard, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (heard.Count < count)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for {count} DocumentRevoked event(s).");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task RevokingARecipientTellsItsMembersAndWithdrawingTellsEveryHolderButNotOthers()
    {
        var (buyer, id) = await app.BuyerRequiringNdaAsync();
        var doc = await buyer.AttachAsync("requirements", id, DealRoomKit.Drawing(1), "bracket.pdf");
        var holder = await app.SignUpAsync(OrganizationKind.Sme);
        var other = await app.SignUpAsync(OrganizationKind.Sme);
        foreach (var sme in new[] { holder, other })
        {
            await sme.AcceptNdaAsync("requirements", id);
            await Expect.StatusAsync(await sme.Client.GetAsync($"/api/protected-documents/{doc}/download"), HttpStatusCode.OK);
        }
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);

        await using var holderColleague = await app.ConnectAsync(await app.ColleagueAsync(holder));
        await using var otherHub = await app.ConnectAsync(other);
        await using var outsiderHub = await app.ConnectAsync(outsider);
        await using var ownerHub = await app.ConnectAsync(buyer);
        var (toHolder, toOther, toOutsider, toOwner) = (Listen(holderColleague), Listen(otherHub), Listen(outsiderHub), Listen(ownerHub));

        await Expect.StatusAsync(await buyer.Client.DeleteAsync($"/api/protected-documents/{doc}/recipients/{holder.Me.OrgId}"), HttpStatusCode.NoContent);
        await WaitForAsync(toHolder, 1);
        var revoked = Assert.Single(toHolder);
        Assert.Equal(new DocumentRevokedEvent(doc, RevocationNotice.RecipientScope, $"/api/protected-documents/{doc}/download"), revoked);
        foreach (var hub in new[] { otherHub, outsiderHub, ownerHub }) await hub.FenceAsync();
        Assert.Empty(toOther);

        await Expect.StatusAsync(await buyer.Client.PostAsync($"/api/protected-documents/{doc}/withdraw"), HttpStatusCode.NoContent);
        await WaitForAsync(toOther, 1);
        await WaitForAsync(toHolder, 2);
        Assert.Equal(RevocationNotice.DocumentScope, Assert.Single(toOther).Scope);
        foreach (var hub in new[] { outsiderHub, ownerHub }) await hub.FenceAsync();
        Assert.Empty(toOutsider);
        Assert.Empty(toOwner);
    }
}
