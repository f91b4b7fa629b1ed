using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Search;

/// <summary>A query a client must fix is a 400 ProblemDetails naming the field, never a 500.</summary>
public abstract class BadQueryTests(GvcMatchApp app)
{
    [DatabaseTheory]
    [InlineData("q=%22cnc+milling", "q")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=100000", "page")]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("facets=colour", "facets")]
    [InlineData("colour=red", "colour")]
    [InlineData("min.monthlyCapacity=abc", "min.monthlyCapacity")]
    [InlineData("max.leadTimeDays=NaN", "max.leadTimeDays")]
    [InlineData("sort=colour", "sort")]
    [InlineData("sort=-colour", "sort")]
    [InlineData("q=-cnc", "q")]
    public async Task ABadSupplierSearchNamesTheField(string query, string field)
    {
        using var anonymous = app.CreateClient();
        await Expect.ValidationErrorAsync(await anonymous.GetAsync($"/api/search/suppliers?{query}"), field);
    }

    [DatabaseTheory]
    [InlineData("ip", "min.monthlyCapacity=5", "min.monthlyCapacity")]
    [InlineData("ip", "facets=country,colour", "facets")]
    [InlineData("requirements", "sort=leadTimeDays", "sort")]
    [InlineData("requirements", "q=%22open", "q")]
    public async Task ABadSearchOfOtherKindsNamesTheField(string kind, string query, string field)
    {
        var member = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ValidationErrorAsync(await member.Client.GetAsync($"/api/search/{kind}?{query}"), field);
    }

    [DatabaseTheory]
    [InlineData("top=0")]
    [InlineData("top=1000")]
    [InlineData("top=-1")]
    [InlineData("top=ten")]
    public async Task MatchesRefuseATopOutsideItsRange(string query)
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishNewRequirementAsync();
        await Expect.ValidationErrorAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/matches?{query}"), "top");
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        await Expect.ValidationErrorAsync(await sme.Client.GetAsync($"/api/organizations/{sme.Me.OrgId}/recommended-requirements?{query}"), "top");
    }

    [DatabaseFact]
    public async Task MatchesRefuseADiversifyThatIsNotABoolean()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishNewRequirementAsync();
        await Expect.ValidationErrorAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/matches?diversify=maybe"), "diversify");
    }
}

[Collection(SharedApps.SqliteB)]
public sealed class BadQueryTestsOnSqlite(SqliteApp app) : BadQueryTests(app);

[Collection(SharedApps.PostgresA)]
public sealed class BadQueryTestsOnPostgres(PostgresApp app) : BadQueryTests(app), IUsesPostgres;
