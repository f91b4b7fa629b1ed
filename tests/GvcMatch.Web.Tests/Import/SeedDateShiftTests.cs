using System.Text;
using GvcMatch.Web.Features.Import;

namespace GvcMatch.Web.Tests.Import;

public sealed class SeedDateShiftTests
{
    private const string Json = """
        {
          "datesRelativeTo": "2026-11-28",
          "organizations": [
            { "key": "sme-x", "kind": "Sme", "name": "X", "country": "JP", "sizeBand": "Small",
              "profile": { "renewalDue": "2027-01-01", "certifications": [ { "standard": "ISO 9001", "validUntil": "2026-11-01" } ] } }
          ],
          "requirements": [
            { "key": "req-x", "organization": "mne-x", "title": "T", "responseDeadline": "2027-02-15", "contractStart": "2027-04-01" }
          ]
        }
        """;

    [Fact]
    public void DatesWrittenRelativeToADayMoveForwardByTheDaysSince()
    {
        var file = SeedFileReader.Read("relative.json", Encoding.UTF8.GetBytes(Json));
        Assert.Equal(new DateOnly(2026, 11, 28), file.DatesRelativeTo);

        file.ShiftDates(100);

        var requirement = Assert.Single(file.Requirements).Value;
        Assert.Equal(new DateOnly(2027, 2, 15).AddDays(100), requirement.ResponseDeadline);
        Assert.Equal(new DateOnly(2027, 4, 1).AddDays(100), requirement.ContractStart);
        var profile = Assert.Single(file.Organizations).Value.Profile!;
        Assert.Equal(new DateOnly(2027, 1, 1).AddDays(100), profile.RenewalDue);
        // An expired certificate stays expired by the same margin.
        Assert.Equal(new DateOnly(2026, 11, 1).AddDays(100), Assert.Single(profile.Certifications!).ValidUntil);
    }

    [Fact]
    public void AMalformedReferenceDayIsReportedByName()
    {
        var file = SeedFileReader.Read("bad.json", Encoding.UTF8.GetBytes("{\n  \"datesRelativeTo\": \"soon\"\n}"));
        var error = Assert.Single(file.Errors);
        Assert.Equal("datesRelativeTo", error.Field);
        Assert.Equal(2, error.Line);
    }
}
