using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Pages;

/// <summary>The server-rendered pages apply the same visibility rules as the API and never answer bad input with a 500.</summary>
[Collection(SharedApps.SqliteA)]
public sealed class PageTests(SqliteApp app)
{
    [Fact]
    public async Task ADraftSupplierPageIsShownToItsOwnMembersOnly()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        await owner.SaveProfileAsync(Samples.Profile("Draft words nobody else reads."));
        var page = $"/Suppliers/{owner.Me.OrgId}";

        using var visitor = app.CreateClient();
        await Expect.StatusAsync(await visitor.GetAsync(page), HttpStatusCode.NotFound);
        var other = await app.SignUpAsync(OrganizationKind.Mne);
        await Expect.StatusAsync(await other.Client.GetAsync(page), HttpStatusCode.NotFound);

        var own = await owner.Client.GetAsync(page);
        await Expect.StatusAsync(own, HttpStatusCode.OK);
        var html = await own.Content.ReadAsStringAsync();
        Assert.Contains("Draft – only your organisation sees this", html);
        Assert.Contains("Draft words nobody else reads.", html);
    }

    [Fact]
    public async Task APublishedSupplierPageMarksExpiredCertificates()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        await owner.SaveProfileAsync(Samples.Profile() with
        {
            Certifications = [new CertificationInput("ISO 9001", "Issuer A", "Q-1", Samples.InDays(-3)), new CertificationInput("ISO 14001", "Issuer B", "E-1", Samples.InDays(300))],
        });
        await Expect.StatusAsync(await owner.Client.PostAsync($"/api/organizations/{owner.Me.OrgId}/profile/publish"), HttpStatusCode.OK);

        using var visitor = app.CreateClient();
        var html = await (await visitor.GetAsync($"/Suppliers/{owner.Me.OrgId}")).Content.ReadAsStringAsync();
        Assert.Single(Html.All(html, ".badge.text-bg-danger"), e => e.TextContent.Trim() == "Expired");
        Assert.Contains("E-1", html);
    }

    [Fact]
    public async Task RequirementPagesShowEveryCriterionToSignedInUsersOnly()
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var id = await mne.PublishNewRequirementAsync();
        using var visitor = app.CreateClient(new() { AllowAutoRedirect = false });
        var redirect = await visitor.GetAsync($"/Requirements/{id}");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("/Identity/Account/Login", redirect.Headers.Location?.ToString());

        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var html = WebUtility.HtmlDecode(await (await sme.Client.GetAsync($"/Requirements/{id}")).Content.ReadAsStringAsync());
        foreach (var criterion in Samples.Requirement().Criteria) Assert.Contains(criterion.Summary(), html);
        Assert.Contains("Version 1", html);
    }

    [Fact]
    public async Task TheVerificationPageIsForbiddenToAnSme()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.StatusAsync(await sme.Client.GetAsync("/Admin/Verification"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnInvalidProfileFormComesBackWithFieldErrors()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        using var browser = app.CreateClient();
        await CookieSignIn.SignInAsync(browser, owner.Email, owner.Password);
        var form = await (await browser.GetAsync("/Account/Profile")).Content.ReadAsStringAsync();
        var token = AntiforgeryTokens.FormToken(form);

        var response = await browser.PostAsync("/Account/Profile?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [AntiforgeryTokens.FormField] = token,
            ["Input.Summary"] = "Kept after the error",
            ["Input.LeadTimeDays"] = "9999",
            ["Input.MonthlyCapacity"] = "lots",
            ["Input.IsicCodes"] = "0000",
            // The first row is left blank, so the error must still point at the second row.
            ["Input.Certifications[0].Standard"] = "",
            ["Input.Certifications[1].Standard"] = "ISO 14644",
            ["Input.Certifications[1].Scope"] = "class 12",
        }));

        await Expect.StatusAsync(response, HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        foreach (var field in new[] { "leadTimeDays", "monthlyCapacity", "isicCodes", "certifications[1].scope" })
            Assert.Contains($"data-error-for=\"{field}\"", html);
        Assert.Contains("Kept after the error", html);
    }

}
