using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Import;

/// <summary>The import carries employee counts (which set the size band) and criteria by employee range and by region.</summary>
public sealed class SizeAndRegionImportTests : IAsyncLifetime
{
    private ImportTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ImportTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ACountSetsTheBandAMissingCountKeepsItAndBadValuesAreRefusedByField()
    {
        var report = await _host.ImportAsync("sizes-regions.json");

        Assert.Equal(["profile.employeeCount", "criteria[0].regions"], report.Errors.Select(e => e.Field));
        Assert.Equal(2, report.Profiles.Created);
        Assert.Equal(1, report.Requirements.Created);

        var orgs = await _host.QueryAsync(db => db.Organizations.AsNoTracking().Include(o => o.Profile)
            .Where(o => o.Key.StartsWith("sme-test-size")).OrderBy(o => o.Key).ToListAsync());
        var banded = orgs.Single(o => o.Key == "sme-test-size-banded");
        var counted = orgs.Single(o => o.Key == "sme-test-size-counted");
        Assert.Null(banded.Profile!.EmployeeCount);
        Assert.Equal(SizeBand.Medium, banded.SizeBand);
        Assert.Equal(120, counted.Profile!.EmployeeCount);
        // The file said Small; 120 employees is Medium, and the count wins.
        Assert.Equal(SizeBand.Medium, counted.SizeBand);

        var requirement = await _host.QueryAsync(db => db.Requirements.AsNoTracking().SingleAsync(r => r.Key == "req-test-size-range"));
        Assert.Equal(50, requirement.Criteria[0].MinEmployees);
        Assert.Equal(["EU"], requirement.Criteria[1].Regions);
        Assert.Equal(["Mercosur"], requirement.Criteria[2].Regions);
        Assert.Equal("Exports to US, Mercosur", requirement.Criteria[2].Summary());

        // Importing the same file again changes nothing.
        var again = await _host.ImportAsync("sizes-regions.json");
        Assert.Equal(2, again.Profiles.Unchanged);
    }
}
