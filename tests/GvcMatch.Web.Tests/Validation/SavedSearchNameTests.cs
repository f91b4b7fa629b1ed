using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Validation;

/// <summary>A saved search's name is one line: it is shown in lists and written into notification subjects.</summary>
[Collection(SharedApps.SqliteA)]
public sealed class SavedSearchNameTests(SqliteApp app)
{
    [Theory]
    [InlineData("CNC shops\r\nBcc: everyone@example.test")]
    [InlineData("CNC\nshops")]
    [InlineData("CNC\rshops")]
    [InlineData("CNC\u0000shops")]
    public async Task ANameWithALineBreakIsRefusedAndNothingIsSaved(string name)
    {
        var member = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.ValidationErrorAsync(await member.Client.PostJsonAsync("/api/saved-searches", new { name, kind = "Supplier", query = "q=cnc" }), "name");
        var saved = await Expect.JsonAsync(await member.Client.GetAsync("/api/saved-searches"), HttpStatusCode.OK);
        Assert.Equal(0, saved.GetArrayLength());
    }
}
