using System.Net;
using System.Text;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Tests.Bids;
using GvcMatch.Web.Tests.Certificates;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Concurrency;

/// <summary>
/// Documents are parts of a resource and carry its version: a certificate's document the profile's,
/// a bid's documents the bid's. Upload and removal take that ETag in If-Match, answer the next one,
/// and a tag someone else's change replaced gets 412 and changes nothing; the download answers it too.
/// </summary>
public abstract class DocumentETagTests(GvcMatchApp app)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% scan\n%%EOF\n");

    [DatabaseFact]
    public async Task A_certificate_document_is_attached_and_removed_only_in_the_profiles_current_version()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile() with { Certifications = [new CertificationInput("ISO 13485", "TÜV", "MD-7", Samples.InDays(300))] });
        var profile = $"/api/organizations/{sme.Me.OrgId}/profile";
        var certificationId = await app.WithDbAsync(db => db.Certifications.Where(c => db.Profiles.Any(p => p.Id == c.ProfileId && p.OrganizationId == sme.Me.OrgId))
            .Select(c => c.Id).SingleAsync());
        var url = $"{profile}/certifications/{certificationId}/document";
        var read = await sme.Client.ETagAsync(profile);

        var attached = await sme.Client.SendContentIfMatchAsync(HttpMethod.Put, url, CertificateDocumentTests.Upload("scan.pdf", Pdf), read);
        await Expect.StatusAsync(attached, HttpStatusCode.OK);
        Assert.NotEqual(read, attached.Headers.ETag);
        Assert.Equal(attached.Headers.ETag, await sme.Client.ETagAsync(url));
        Assert.Equal(attached.Headers.ETag, await sme.Client.ETagAsync(profile));

        await Expect.ProblemAsync(await sme.Client.SendContentIfMatchAsync(HttpMethod.Put, url, CertificateDocumentTests.Upload("other.pdf", Pdf), read), HttpStatusCode.PreconditionFailed);
        await Expect.ProblemAsync(await sme.Client.SendContentIfMatchAsync(HttpMethod.Delete, url, null, read), HttpStatusCode.PreconditionFailed);
        Assert.Equal("scan.pdf", await app.WithDbAsync(db => db.Certifications.Where(c => c.Id == certificationId).Select(c => c.DocumentName).SingleAsync()));

        var removed = await sme.Client.SendContentIfMatchAsync(HttpMethod.Delete, url, null, attached.Headers.ETag!);
        await Expect.StatusAsync(removed, HttpStatusCode.NoContent);
        Assert.Equal(removed.Headers.ETag, await sme.Client.ETagAsync(profile));
        Assert.Null(await app.WithDbAsync(db => db.Certifications.Where(c => c.Id == certificationId).Select(c => c.DocumentName).SingleAsync()));
    }

    [DatabaseFact]
    public async Task A_bid_document_is_added_and_removed_only_in_the_bids_current_version()
    {
        var (_, requirement) = await app.BuyerWithRequirementAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var bid = (await sme.CreateBidAsync(requirement)).GetProperty("id").GetInt32();
        var bidUrl = $"/api/bids/{bid}";
        var read = await sme.Client.ETagAsync(bidUrl);

        var added = await sme.Client.SendContentIfMatchAsync(HttpMethod.Post, $"{bidUrl}/documents", CertificateDocumentTests.Upload("offer.pdf", Pdf), read);
        var documentUrl = (await Expect.JsonAsync(added, HttpStatusCode.Created)).GetProperty("url").GetString()!;
        Assert.NotEqual(read, added.Headers.ETag);
        Assert.Equal(added.Headers.ETag, await sme.Client.ETagAsync(bidUrl));
        Assert.Equal(added.Headers.ETag, await sme.Client.ETagAsync(documentUrl));

        await Expect.ProblemAsync(await sme.Client.SendContentIfMatchAsync(HttpMethod.Post, $"{bidUrl}/documents", CertificateDocumentTests.Upload("late.pdf", Pdf), read), HttpStatusCode.PreconditionFailed);
        await Expect.ProblemAsync(await sme.Client.SendContentIfMatchAsync(HttpMethod.Delete, documentUrl, null, read), HttpStatusCode.PreconditionFailed);
        Assert.Equal(["offer.pdf"], await app.WithDbAsync(db => db.Bids.Where(b => b.Id == bid).SelectMany(b => b.Documents).Select(d => d.FileName).ToListAsync()));

        var removed = await sme.Client.SendContentIfMatchAsync(HttpMethod.Delete, documentUrl, null, added.Headers.ETag!);
        await Expect.StatusAsync(removed, HttpStatusCode.NoContent);
        Assert.Equal(removed.Headers.ETag, await sme.Client.ETagAsync(bidUrl));
        Assert.False(await app.WithDbAsync(db => db.Bids.Where(b => b.Id == bid).SelectMany(b => b.Documents).AnyAsync()));
    }
}

[Collection(SharedApps.SqliteC)]
public sealed class DocumentETagTestsOnSqlite(SqliteApp app) : DocumentETagTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class DocumentETagTestsOnPostgres(PostgresApp app) : DocumentETagTests(app), IUsesPostgres;
