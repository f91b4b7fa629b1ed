using GvcMatch.Web.Features.IpListings;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Import;

public sealed class SeedImporterTests : IAsyncLifetime
{
    private ImportTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ImportTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AGoodFileLoadsEveryRow()
    {
        var report = await _host.ImportAsync("good.json");

        Assert.Empty(report.Errors);
        Assert.Empty(report.FileErrors);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal(3, report.Organizations.Created);
        Assert.Equal(1, report.Profiles.Created);
        Assert.Equal(1, report.IpListings.Created);
        Assert.Equal(3, report.Requirements.Created);
        Assert.Equal(2, report.Users.Created);

        var profile = await _host.QueryAsync(db => db.Profiles.Include(p => p.Certifications).Include(p => p.Organization).SingleAsync());
        Assert.Equal("sme-test-alpha-castings", profile.Organization.Key);
        Assert.True(profile.Organization.Verified);
        Assert.Equal(PublicationStatus.Published, profile.Status);
        Assert.Equal("ISO 9001", Assert.Single(profile.Certifications).Standard);
        Assert.Equal(["DE", "CZ"], profile.ExportMarkets);

        var admin = await _host.QueryAsync(db => db.Users.SingleAsync(u => u.Email == "admin@test.example"));
        Assert.True(admin.IsPlatformAdmin);
        Assert.Null(admin.OrganizationId);
        var owner = await _host.QueryAsync(db => db.Users.Include(u => u.Organization).SingleAsync(u => u.Email == "owner@alpha-castings.example"));
        Assert.Equal("sme-test-alpha-castings", owner.Organization!.Key);
        Assert.Equal(Data.MemberRole.Owner, owner.Role);
    }

    [Fact]
    public async Task ImportingTwiceCreatesNoDuplicatesAndReportsEverythingUnchanged()
    {
        await _host.ImportAsync("good.json");
        var versionsBefore = await _host.QueryAsync(db => db.RequirementVersions.CountAsync());
        var outboxBefore = await _host.QueryAsync(db => db.IndexOutbox.CountAsync());

        var again = await _host.ImportAsync("good.json");

        Assert.Empty(again.Errors);
        foreach (var (kind, counts) in again.Kinds)
        {
            Assert.True(counts.Created == 0 && counts.Updated == 0 && counts.Rejected == 0, $"{kind} changed on the second import");
        }
        Assert.Equal(3, again.Organizations.Unchanged);
        Assert.Equal(1, again.Profiles.Unchanged);
        Assert.Equal(3, again.Requirements.Unchanged);
        Assert.Equal(2, again.Users.Unchanged);
        Assert.Equal(3, await _host.QueryAsync(db => db.Organizations.CountAsync()));
        Assert.Equal(1, await _host.QueryAsync(db => db.Certifications.CountAsync()));
        Assert.Equal(versionsBefore, await _host.QueryAsync(db => db.RequirementVersions.CountAsync()));
        // Nothing changed, so the search index is not asked to re-read anything either.
        Assert.Equal(outboxBefore, await _host.QueryAsync(db => db.IndexOutbox.CountAsync()));
    }

    [Fact]
    public async Task APublishedRequirementGetsVersionOneAndADraftNone()
    {
        await _host.ImportAsync("good.json");

        var published = await _host.QueryAsync(db => db.Requirements.Include(r => r.Versions).SingleAsync(r => r.Key == "req-test-omega-housings"));
        Assert.Equal(RequirementStatus.Published, published.Status);
        Assert.Equal(1, published.Version);
        Assert.NotNull(published.PublishedAt);
        var version = Assert.Single(published.Versions);
        Assert.Equal(1, version.Number);
        Assert.Equal(3, version.Criteria.Count);

        var draft = await _host.QueryAsync(db => db.Requirements.Include(r => r.Versions).SingleAsync(r => r.Key == "req-test-omega-draft"));
        Assert.Equal(0, draft.Version);
        Assert.Empty(draft.Versions);

        var closed = await _host.QueryAsync(db => db.Requirements.Include(r => r.Versions).SingleAsync(r => r.Key == "req-test-omega-closed"));
        Assert.Equal(RequirementStatus.Closed, closed.Status);
        Assert.Equal(1, closed.Version);
    }

    [Fact]
    public async Task AChangedPublishedRequirementGetsANewVersionAndAChangedOrganisationIsUpdated()
    {
        await _host.ImportAsync("good.json");
        var folder = Directory.CreateTempSubdirectory("gvcmatch-import-edit-");
        try
        {
            var text = await File.ReadAllTextAsync(RepoPaths.Fixture("good.json"));
            var edited = Path.Combine(folder.FullName, "good.json");
            await File.WriteAllTextAsync(edited, text
                .Replace("Second source for aluminium motor housings.", "Second source for aluminium motor housings, now with machining.")
                .Replace("\"city\": \"Munich\"", "\"city\": \"Garching\""));

            var report = await _host.ImportAsync(edited);

            Assert.Empty(report.Errors);
            Assert.Equal(1, report.Requirements.Updated);
            Assert.Equal(2, report.Requirements.Unchanged);
            Assert.Equal(1, report.Organizations.Updated);
            var r = await _host.QueryAsync(db => db.Requirements.Include(x => x.Versions).SingleAsync(x => x.Key == "req-test-omega-housings"));
            Assert.Equal(2, r.Version);
            Assert.Equal([1, 2], r.Versions.Select(v => v.Number).Order());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task BadRowsAreRejectedWithTheirLineAndFieldWhileTheGoodRowsAroundThemAreKept()
    {
        // The bad file comes first: organisations from every file of a run load before anything else.
        var report = await _host.ImportAsync("bad-rows.json", "good.json");

        Assert.Equal(1, report.ExitCode);
        Assert.Equal(3 + 2, report.Requirements.Created);
        Assert.Equal(5, report.Requirements.Rejected);
        Assert.Equal(1, report.IpListings.Rejected);
        var keys = await _host.QueryAsync(db => db.Requirements.Select(r => r.Key).ToListAsync());
        Assert.Contains("req-test-good-before", keys);
        Assert.Contains("req-test-good-after", keys);
        Assert.DoesNotContain("req-test-missing-weight", keys);

        var missingWeight = Single(report, "req-test-missing-weight");
        Assert.Equal("criteria[1].weight", missingWeight.Field);
        Assert.Equal($"bad-rows.json line {missingWeight.Line}: criteria[1].weight: A weighted criterion needs a weight between 1 and 100.", missingWeight.ToString());
    }

    [Fact]
    public async Task WeightsThatDoNotSumToOneHundredAreRejected()
    {
        var report = await _host.ImportAsync("good.json", "bad-rows.json");

        var error = Single(report, "req-test-weights-90");
        Assert.Equal("criteria", error.Field);
        Assert.Contains("sum to 100; they sum to 90", error.Message);
    }

    [Fact]
    public async Task ARowNamingAnUnknownOrAWrongKindOfOrganisationIsRejected()
    {
        var report = await _host.ImportAsync("good.json", "bad-rows.json");

        var unknown = Single(report, "req-test-unknown-org");
        Assert.Equal("organization", unknown.Field);
        Assert.Equal("Unknown organisation 'mne-nobody'.", unknown.Message);

        var sme = Single(report, "req-test-owned-by-sme");
        Assert.Equal("'sme-test-alpha-castings' is an SME; only MNEs post requirements.", sme.Message);

        var mne = Single(report, "ip-test-owned-by-mne");
        Assert.Equal("'mne-test-omega-motors' is an MNE; only SMEs offer IP listings.", mne.Message);
        Assert.False(await _host.QueryAsync(db => db.IpListings.AnyAsync(i => i.Key == "ip-test-owned-by-mne")));
    }

    [Fact]
    public async Task AMalformedElementIsRejectedAtItsLineAndTheRestOfTheFileLoads()
    {
        var report = await _host.ImportAsync("good.json", "bad-rows.json");

        var error = Single(report, "req-test-malformed");
        Assert.Equal("contractMonths", error.Field);
        Assert.Equal("Expected a whole number.", error.Message);
        Assert.True(await _host.QueryAsync(db => db.Requirements.AnyAsync(r => r.Key == "req-test-good-after")));
    }

    [Fact]
    public async Task AFileThatIsNotValidJsonIsReportedWithItsLineAndNothingFromItLoads()
    {
        var report = await _host.ImportAsync("broken.json", "good.json");

        Assert.Equal(2, report.ExitCode);
        var error = Assert.Single(report.FileErrors);
        Assert.Equal("broken.json", error.File);
        Assert.Equal(RepoPaths.LineOf("broken.json", "\"country\": \"PL\""), error.Line);
        Assert.False(await _host.QueryAsync(db => db.Organizations.AnyAsync(o => o.Key == "sme-test-broken")));
        Assert.Equal(3, report.Organizations.Created);
    }

    [Fact]
    public async Task AnIpListingIsStoredWithItsCodes()
    {
        await _host.ImportAsync("good.json");

        var ip = await _host.QueryAsync(db => db.IpListings.Include(i => i.Organization).SingleAsync());
        Assert.Equal("sme-test-alpha-castings", ip.Organization.Key);
        Assert.Equal(IpLegalStatus.Granted, ip.LegalStatus);
        Assert.Equal(["B22D"], ip.IpcClasses);
        Assert.Equal(PublicationStatus.Published, ip.Status);
    }

    [Fact]
    public async Task AWeakPasswordOrAnEmailUsedTwiceRejectsTheUserAndTheOthersAreCreated()
    {
        var report = await _host.ImportAsync("good.json", "bad-rows.json");

        Assert.Equal(2 + 1, report.Users.Created);
        Assert.Equal(2, report.Users.Rejected);
        var weakLine = RepoPaths.LineOf("bad-rows.json", "weak@alpha-castings.example") - 1;
        Assert.Contains(report.Errors, e => e.Line == weakLine && e.Field == "password");
        var againLine = RepoPaths.LineOf("bad-rows.json", "MEMBER@alpha-castings.example") - 1;
        var again = Assert.Single(report.Errors, e => e.Line == againLine);
        Assert.Equal("email", again.Field);
        Assert.StartsWith("The email 'MEMBER@alpha-castings.example' is used again (first at bad-rows.json line ", again.Message);

        var member = await _host.QueryAsync(db => db.Users.SingleAsync(u => u.NormalizedEmail == "MEMBER@ALPHA-CASTINGS.EXAMPLE"));
        Assert.Equal(Data.MemberRole.Member, member.Role);
        Assert.False(await _host.QueryAsync(db => db.Users.AnyAsync(u => u.Email == "weak@alpha-castings.example")));
    }

    /// <summary>The one error of the bad-rows.json row with this key; its line must be where the row's element starts.</summary>
    private static Features.Import.ImportError Single(Features.Import.ImportReport report, string key)
    {
        const string fixture = "bad-rows.json";
        var line = RepoPaths.LineOf(fixture, $"\"key\": \"{key}\"") - 1;
        var errors = report.Errors.Where(e => e.File == fixture && e.Line == line).ToList();
        return Assert.Single(errors);
    }
}
