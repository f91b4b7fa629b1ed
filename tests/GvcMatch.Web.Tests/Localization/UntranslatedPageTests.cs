using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Localization;

/// <summary>
/// The converted pages, rendered in Spanish and Japanese, show no English text of the resource
/// set: a text node or label attribute that reads as an English entry means a page printed a
/// literal or asked the localizer for a text nobody translated.
/// </summary>
public sealed partial class UntranslatedPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] LabelAttributes = ["placeholder", "aria-label", "title", "alt"];

    public static TheoryData<string> Languages => new(ResourceFiles.Translations);

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task PagesForVisitorsShowNoEnglishInterfaceText(string language)
    {
        var supplier = await PublishedSupplierAsync();
        using var visitor = app.CreateClient();
        visitor.DefaultRequestHeaders.Add("Accept-Language", language);
        foreach (var page in new[] { "/", "/Search/suppliers", "/Search/suppliers?q=zzzz", $"/Suppliers/{supplier}", "/Identity/Account/Login", "/Identity/Account/Register", "/SupportProgrammes" })
            await AssertTranslatedAsync(visitor, page, language);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task PagesForSignedInMembersShowNoEnglishInterfaceText(string language)
    {
        var supplier = await PublishedSupplierAsync();
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync();
        mne.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        foreach (var page in new[] { "/", "/Search/suppliers", $"/Suppliers/{supplier}", "/Requirements", "/Account/Inbox",
                     "/Account/Ndas", $"/Account/DealRoom/requirements/{requirement}", "/Account/DealRoom/Lookup" })
            await AssertTranslatedAsync(mne.Client, page, language);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task EventPagesShowNoEnglishInterfaceText(string language)
    {
        var organiser = await app.SignUpAsync(OrganizationKind.Intermediary);
        var id = await Events.EventKit.CreateEventAsync(organiser);
        var (buyer, sme) = (await app.SignUpAsync(OrganizationKind.Mne), await app.SignUpAsync(OrganizationKind.Sme));
        var buyerId = await Events.EventKit.RegisterAtAsync(buyer, id);
        await Events.EventKit.RegisterAtAsync(sme, id);
        await Events.EventKit.AcceptAsync(buyer, id, await Events.EventKit.RequestAsync(sme, id, buyerId));
        await Events.EventKit.ScheduleAsync(organiser, id);
        foreach (var (member, page) in new[] { (organiser, "/Events"), (organiser, $"/Events/{id}"), (sme, $"/Events/{id}"), (sme, $"/Events/{id}/Agenda") })
        {
            member.Client.DefaultRequestHeaders.AcceptLanguage.Clear();
            member.Client.DefaultRequestHeaders.Add("Accept-Language", language);
            await AssertTranslatedAsync(member.Client, page, language);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task BuyerIntermediaryAndInformationPagesShowNoEnglishInterfaceText(string language)
    {
        using var visitor = app.CreateClient();
        visitor.DefaultRequestHeaders.Add("Accept-Language", language);
        visitor.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "text/html");
        foreach (var page in new[] { "/About", "/Suppliers" })
            await AssertTranslatedAsync(visitor, page, language);
        // A browser that asks for a missing page gets the error page in the layout.
        await AssertTranslatedAsync(visitor, "/no-such-page", language, HttpStatusCode.NotFound);

        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await mne.PublishNewRequirementAsync();
        mne.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        foreach (var page in new[] { "/Account/Requirements", $"/Requirements/{requirement}/Bids" })
            await AssertTranslatedAsync(mne.Client, page, language);

        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        var listing = await sme.CreateIpListingAsync();
        sme.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        foreach (var page in new[] { "/Account/Ip", "/Consortia", $"/Ip/{listing}", $"/Consortia/Partners/{requirement}" })
            await AssertTranslatedAsync(sme.Client, page, language);

        var agency = await app.SignUpAsync(OrganizationKind.Intermediary);
        agency.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        await AssertTranslatedAsync(agency.Client, "/Awards/Statistics", language);
        await AssertTranslatedAsync(agency.Client, "/Ip", language);
        // Admin pages refuse others in words too, then read translated for an admin.
        foreach (var page in new[] { "/Admin/Audit", "/Admin/Vocabulary", "/Admin/CertificateChecks" })
            await AssertTranslatedAsync(agency.Client, page, language, HttpStatusCode.Forbidden);

        await app.MakePlatformAdminAsync(agency.Me.UserId);
        foreach (var page in new[] { "/Admin/Audit", "/Admin/Vocabulary", "/Admin/CertificateChecks", "/Admin/Verification", "/Admin/Import", "/Admin/Certifications" })
            await AssertTranslatedAsync(agency.Client, page, language);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheRequirementAndIpListingEditorsShowNoEnglishInterfaceText(string language)
    {
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var published = await mne.PublishNewRequirementAsync();
        mne.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        // The new form, and a published requirement's editor with its criteria, lots, change note and status actions.
        foreach (var page in new[] { "/Account/Requirements/Edit", $"/Account/Requirements/Edit/{published}" })
            await AssertTranslatedAsync(mne.Client, page, language);

        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        var listing = await sme.CreateIpListingAsync();
        sme.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        foreach (var page in new[] { "/Account/Ip/Edit", $"/Account/Ip/Edit/{listing}" })
            await AssertTranslatedAsync(sme.Client, page, language);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ConsortiumDetailsShowNoEnglishInterfaceText(string language)
    {
        var s = await Consortia.ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        foreach (var member in new[] { s.Lead, s.Partner })
        {
            member.Client.DefaultRequestHeaders.Add("Accept-Language", language);
            await AssertTranslatedAsync(member.Client, $"/Consortia/{id}", language);
        }

        // A cluster's group certificate covering a member that has not accepted it yet.
        var cluster = await app.SignUpClusterAsync();
        await Expect.StatusAsync(await cluster.Client.PostJsonAsync("/api/group-certificates",
            new { standard = "ISO 13485", validUntil = Samples.InDays(90), memberOrganizationIds = new[] { s.Partner.Me.OrgId } }), HttpStatusCode.Created);
        cluster.Client.DefaultRequestHeaders.Add("Accept-Language", language);
        await AssertTranslatedAsync(cluster.Client, "/Consortia/GroupCertificates", language);
    }

    [Fact]
    public void TheCheckFindsAnEnglishTextLeftInAPage()
    {
        var english = ResourceFiles.EnglishTexts("es");
        var page = Html.Parse("<html lang=\"es\"><body><nav><a>Proveedores</a><a>Sign in</a></nav><p lang=\"en\">Sign in</p><p>12 results</p></body></html>");
        Assert.Equal(["Sign in", "12 results"], Untranslated(page, english));
    }

    private async Task<int> PublishedSupplierAsync()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        await owner.SaveProfileAsync(Samples.Profile() with { Certifications = [new CertificationInput("ISO 9001", "Issuer A", "Q-1", Samples.InDays(300))] });
        await Expect.StatusAsync(await owner.Client.PostAsync($"/api/organizations/{owner.Me.OrgId}/profile/publish"), HttpStatusCode.OK);
        return owner.Me.OrgId;
    }

    internal static async Task AssertTranslatedAsync(HttpClient client, string url, string language, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        await Expect.StatusAsync(response, status);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        var left = Untranslated(page, ResourceFiles.EnglishTexts(language));
        Assert.True(left.Count == 0, $"{url} in {language} still shows English:\n" + string.Join("\n", left));
    }

    /// <summary>Text nodes and label attributes that read as an English entry, outside user content marked with another lang.</summary>
    private static List<string> Untranslated(IDocument page, IReadOnlyList<(string Text, Regex Pattern)> english)
    {
        var pageLanguage = page.DocumentElement.GetAttribute("lang");
        var texts = page.Body!.QuerySelectorAll("*").Prepend(page.Body)
            .Where(e => e.LocalName is not ("script" or "style"))
            .Where(e => e.Closest("[lang]")?.GetAttribute("lang") is not { } lang || lang == pageLanguage)
            .SelectMany(e => e.ChildNodes.OfType<IText>().Select(t => t.Data).Concat(LabelAttributes.Select(e.GetAttribute).OfType<string>()));
        return ResourceFiles.English(texts, english);
    }
}
