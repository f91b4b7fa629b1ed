using GvcMatch.Matching.Certifications;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Import;

/// <summary>The import reads certificates through the registry and reports standards it does not know instead of rejecting the row.</summary>
public sealed class CertificateImportTests : IAsyncLifetime
{
    private ImportTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ImportTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task UnknownStandardsAreReportedAndLoadedWhileABadClassRejectsItsRow()
    {
        var report = await _host.ImportAsync("certificates.json");

        Assert.Equal(["profile.certifications[0].scope"], report.Errors.Select(e => e.Field));
        Assert.Equal(1, report.Profiles.Created);
        Assert.Equal(1, report.Profiles.Rejected);
        Assert.Equal(1, report.Requirements.Created);
        Assert.Equal(
            ["profile.certifications[3].standard", "criteria[0].anyOf[2].standard"],
            report.UnknownStandards.Select(u => u.Field));
        Assert.Contains("'Acme Supplier Excellence Award' is not in the certification registry", report.UnknownStandards[0].Message);

        var certs = await _host.QueryAsync(db => db.Certifications.AsNoTracking().OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(["ISO 9001", "NADCAP", "ISO 14644", "Acme Supplier Excellence Award"], certs.Select(c => c.Standard));
        Assert.Equal([null, "chemical-processing", "7", null], certs.Select(c => c.Scope));
        Assert.Equal(EvidenceLevel.DocumentChecked, certs[0].Evidence);
        Assert.Equal(new DateOnly(2024, 1, 1), certs[0].ValidFrom);

        // Importing the same file again changes nothing.
        var again = await _host.ImportAsync("certificates.json");
        Assert.Equal(1, again.Profiles.Unchanged);
    }
}
