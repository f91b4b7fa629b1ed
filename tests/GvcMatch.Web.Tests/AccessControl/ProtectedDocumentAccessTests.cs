using System.Net;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.ProtectedDocuments;
using GvcMatch.Web.Tests.DealRoom;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.AccessControl;

/// <summary>
/// Every route that reaches a protected file, for everyone who might ask: both members of the owner,
/// of an SME with the NDA and of one without, another buyer, a platform admin and a visitor; then after
/// the owner revokes a recipient, after the NDA expires or is ended, and after the document is withdrawn.
/// </summary>
public abstract class ProtectedDocumentAccessTests(GvcMatchApp app)
{
    private sealed record Cast(Member Owner, Member OwnerColleague, Member Holder, Member HolderColleague, Member Outsider, Member OutsiderColleague,
        Member OtherBuyer, Member Admin, HttpClient Visitor, int RequirementId, int DocumentId);

    private async Task<Cast> CastAsync()
    {
        var (owner, id) = await app.BuyerRequiringNdaAsync();
        var doc = await owner.AttachAsync("requirements", id, DealRoomKit.Drawing(2), "matrix.pdf");
        var holder = await app.SignUpAsync(OrganizationKind.Sme);
        await holder.AcceptNdaAsync("requirements", id);
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);
        var admin = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        return new Cast(owner, await app.ColleagueAsync(owner), holder, await app.ColleagueAsync(holder), outsider, await app.ColleagueAsync(outsider),
            await app.SignUpAsync(OrganizationKind.Mne), admin, app.CreateClient(new() { AllowAutoRedirect = false }), id, doc);
    }

    private static async Task ExpectAsync(Cast c, params (HttpClient Client, HttpStatusCode Status)[] cases)
    {
        foreach (var (client, status) in cases)
        {
            var response = await client.GetAsync($"/api/protected-documents/{c.DocumentId}/download");
            await Expect.StatusAsync(response, status);
            if (status != HttpStatusCode.OK) Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task<bool> MayOpenAsync(Member m, Cast c)
    {
        var list = await Expect.JsonAsync(await m.Client.GetAsync($"/api/requirements/{c.RequirementId}/protected-documents"), HttpStatusCode.OK);
        return list.EnumerateArray().Any(d => d.GetProperty("id").GetInt32() == c.DocumentId && d.GetProperty("mayOpen").GetBoolean());
    }

    [DatabaseFact]
    public async Task OnlyTheOwnerAndNdaHoldersOpenTheDocumentEachMemberAlike()
    {
        var c = await CastAsync();
        await ExpectAsync(c,
            (c.Owner.Client, HttpStatusCode.OK), (c.OwnerColleague.Client, HttpStatusCode.OK),
            (c.Holder.Client, HttpStatusCode.OK), (c.HolderColleague.Client, HttpStatusCode.OK),
            (c.Outsider.Client, HttpStatusCode.Forbidden), (c.OutsiderColleague.Client, HttpStatusCode.Forbidden),
            (c.OtherBuyer.Client, HttpStatusCode.Forbidden), (c.Admin.Client, HttpStatusCode.Forbidden),
            (c.Visitor, HttpStatusCode.Unauthorized));
        Assert.True(await MayOpenAsync(c.HolderColleague, c));
        Assert.False(await MayOpenAsync(c.Outsider, c));
        await Expect.StatusAsync(await c.Visitor.GetAsync($"/api/requirements/{c.RequirementId}/protected-documents"), HttpStatusCode.Unauthorized);

        // Every refused attempt by a signed-in caller is in the owner's log; the visitor never reached the document.
        var refusals = await app.WithDbAsync(db => db.DocumentDeliveries.CountAsync(d => d.DocumentId == c.DocumentId && d.Fingerprint == null));
        Assert.Equal(4, refusals);
    }

    [DatabaseFact]
    public async Task RevokingARecipientClosesItForBothItsMembersAndNamingOneOpensItWithoutAnNda()
    {
        var c = await CastAsync();
        await Expect.StatusAsync(await c.Outsider.Client.DeleteAsync($"/api/protected-documents/{c.DocumentId}/recipients/{c.Holder.Me.OrgId}"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await c.OwnerColleague.Client.DeleteAsync($"/api/protected-documents/{c.DocumentId}/recipients/{c.Holder.Me.OrgId}"), HttpStatusCode.NoContent);
        await Expect.StatusAsync(await c.Owner.Client.PutAsync($"/api/protected-documents/{c.DocumentId}/recipients/{c.Outsider.Me.OrgId}", null), HttpStatusCode.NoContent);
        await ExpectAsync(c,
            (c.Holder.Client, HttpStatusCode.Forbidden), (c.HolderColleague.Client, HttpStatusCode.Forbidden),
            (c.Outsider.Client, HttpStatusCode.OK), (c.OutsiderColleague.Client, HttpStatusCode.OK),
            (c.Owner.Client, HttpStatusCode.OK));
    }

    [DatabaseFact]
    public async Task AnExpiredOrEndedNdaNoLongerOpensTheDocument()
    {
        var c = await CastAsync();
        var ndaId = await app.WithDbAsync(db => db.Ndas.Where(n => n.SubjectId == c.RequirementId && n.RecipientOrganizationId == c.Holder.Me.OrgId).Select(n => n.Id).SingleAsync());
        app.Clock.Advance(TimeSpan.FromDays(400));
        try
        {
            await ExpectAsync(c, (c.Holder.Client, HttpStatusCode.Forbidden), (c.HolderColleague.Client, HttpStatusCode.Forbidden), (c.Owner.Client, HttpStatusCode.OK));
        }
        finally
        {
            app.Clock.Reset();
        }
        await ExpectAsync(c, (c.Holder.Client, HttpStatusCode.OK));
        await Expect.StatusAsync(await c.Holder.Client.PostAsync($"/api/ndas/{ndaId}/end"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await c.Owner.Client.PostAsync($"/api/ndas/{ndaId}/end"), HttpStatusCode.OK);
        await ExpectAsync(c, (c.Holder.Client, HttpStatusCode.Forbidden), (c.HolderColleague.Client, HttpStatusCode.Forbidden));
    }

    [DatabaseFact]
    public async Task AWithdrawnOrExpiredDocumentOpensForNobodyButItsOwner()
    {
        var c = await CastAsync();
        var timed = await c.Owner.AttachAsync("requirements", c.RequirementId, DealRoomKit.Drawing(1), "timed.pdf", ("expiresAt", DateTimeOffset.UtcNow.AddDays(2).ToString("O")));
        app.Clock.Advance(TimeSpan.FromDays(3));
        try
        {
            await Expect.StatusAsync(await c.Holder.Client.GetAsync($"/api/protected-documents/{timed}/download"), HttpStatusCode.Forbidden);
            await Expect.StatusAsync(await c.Owner.Client.GetAsync($"/api/protected-documents/{timed}/download"), HttpStatusCode.OK);
        }
        finally
        {
            app.Clock.Reset();
        }

        await Expect.StatusAsync(await c.Holder.Client.PostAsync($"/api/protected-documents/{c.DocumentId}/withdraw"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await c.Owner.Client.PostAsync($"/api/protected-documents/{c.DocumentId}/withdraw"), HttpStatusCode.NoContent);
        await ExpectAsync(c, (c.Holder.Client, HttpStatusCode.Forbidden), (c.HolderColleague.Client, HttpStatusCode.Forbidden), (c.Owner.Client, HttpStatusCode.OK));
        Assert.False(await MayOpenAsync(c.Holder, c));
    }

    [DatabaseFact]
    public async Task AnIpListingsDossierOpensForABuyerThatAcceptedTheSmesNda()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var listing = await sme.CreateIpListingAsync();
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/ip-listings/{listing}/publish"), HttpStatusCode.OK);
        await Expect.StatusAsync(await sme.Client.PutJsonAsync($"/api/ip-listings/{listing}/nda", DealRoomKit.Policy("platform:mutual:ja")), HttpStatusCode.OK);
        var doc = await sme.AttachAsync("ip-listings", listing, DealRoomKit.Picture(), "dossier.png");
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var other = await app.SignUpAsync(OrganizationKind.Mne);
        await buyer.AcceptNdaAsync("ip-listings", listing);

        var copy = await buyer.Client.GetAsync($"/api/protected-documents/{doc}/download");
        await Expect.StatusAsync(copy, HttpStatusCode.OK);
        Assert.Equal("image/png", copy.Content.Headers.ContentType?.MediaType);
        await Expect.StatusAsync(await other.Client.GetAsync($"/api/protected-documents/{doc}/download"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await (await app.ColleagueAsync(buyer)).Client.GetAsync($"/api/protected-documents/{doc}/download"), HttpStatusCode.OK);
        // A draft listing's documents are not found by anyone but the SME.
        await Expect.StatusAsync(await sme.Client.PostAsync($"/api/ip-listings/{listing}/unpublish"), HttpStatusCode.OK);
        await Expect.StatusAsync(await buyer.Client.GetAsync($"/api/protected-documents/{doc}/download"), HttpStatusCode.NotFound);
    }
}

public sealed class ProtectedDocumentAccessTestsOnSqlite(SqliteApp app) : ProtectedDocumentAccessTests(app), IClassFixture<SqliteApp>;

public sealed class ProtectedDocumentAccessTestsOnPostgres(PostgresApp app) : ProtectedDocumentAccessTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
