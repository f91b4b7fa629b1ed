using System.Net;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.NotificationPreferences;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Auth;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Localization;

/// <summary>
/// What the system writes to a person (inbox entries, their emails, digests, account emails) is in
/// that person's saved language, English when they saved none, whoever's action caused it.
/// </summary>
public sealed class EmailLanguageTests(SqliteAppOnFakeClock app) : IClassFixture<SqliteAppOnFakeClock>
{
    [Fact]
    public async Task EachNotificationAndItsEmailReadInTheRecipientsSavedLanguage()
    {
        var (japanese, english) = (await app.SignUpAsync(OrganizationKind.Sme), await app.SignUpAsync(OrganizationKind.Sme));
        await SaveLanguageAsync(japanese.Me.UserId, "ja");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var notes = new (string Kind, string Title, string? Body, string JaTitle, string? JaBody)[]
        {
            (NotificationKinds.MatchingRequirement, $"New requirement that matches you: Housings {tag}",
                $"Acme {tag} published a requirement; Mesa {tag} meets every mandatory criterion and scores 82 of 100. Responses by 2027-03-01.",
                $"貴社に合う新しい案件: Housings {tag}",
                $"Acme {tag} が案件を公開しました。Mesa {tag} はすべての必須基準を満たし、100 点中 82 点です。回答期限は 2027-03-01 です。"),
            (NotificationKinds.CertificateExpiry, $"Your ISO 9001 {tag} certificate expires in 30 days", null, $"貴社の ISO 9001 {tag} 認証はあと 30 日で期限切れ", null),
            (NotificationKinds.Message, $"New message: Drawings {tag}", $"Acme {tag}: the drawings follow.", $"新しいメッセージ: Drawings {tag}", $"Acme {tag}: the drawings follow."),
            (NotificationKinds.Offer, $"Awarded: Housings {tag}", null, $"落札: Housings {tag}", null),
        };
        foreach (var n in notes)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([japanese.Me.UserId, english.Me.UserId], n.Kind, n.Title, n.Body, "/Requirements/1");
        }

        var inbox = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(x => x.UserId == japanese.Me.UserId).ToListAsync());
        var theirs = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(x => x.UserId == english.Me.UserId).ToListAsync());
        var emails = await EmailsToAsync(japanese.Email);
        foreach (var n in notes)
        {
            var entry = Assert.Single(inbox, x => x.Kind == n.Kind);
            Assert.Equal((n.JaTitle, n.JaBody), (entry.Title, entry.Body));
            Assert.Equal((n.Title, n.Body), Assert.Single(theirs, x => x.Kind == n.Kind) is var e ? (e.Title, e.Body) : default);
            var email = Assert.Single(emails, x => x.Subject == n.JaTitle);
            Assert.Matches(@"開く: \S*/Requirements/1\n", email.TextBody);
            Assert.Contains("サイトの受信トレイですべての通知を確認できます。", email.TextBody);
        }
        var englishEmails = (await EmailsToAsync(english.Email)).Where(e => notes.Any(n => n.Title == e.Subject)).ToList();
        Assert.Equal(notes.Length, englishEmails.Count);
        Assert.All(englishEmails, e => Assert.Matches(@"Open: \S*/Requirements/1\n", e.TextBody));
    }

    [Fact]
    public async Task TheDigestReadsInThePersonsSavedLanguage()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await SaveLanguageAsync(sme.Me.UserId, "ja");
        await Expect.StatusAsync(await sme.Client.PutJsonAsync("/api/me/notification-preferences",
            new { preferences = new Dictionary<string, string> { [NotificationKinds.Offer] = "DailyDigest" } }), HttpStatusCode.OK);
        var tag = Guid.NewGuid().ToString("N")[..8];
        await app.NotifyAsync(sme.Me.UserId, NotificationKinds.Offer, $"Awarded: Housings {tag}", null, "/Conversations/5");

        var clock = app.FakeClock!;
        clock.Advance(new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero) - clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await app.Services.GetRequiredService<DigestWorker>().SendDueAsync(CancellationToken.None);

        var digest = Assert.Single(await EmailsToAsync(sme.Email), e => e.Subject.Contains("ダイジェスト"));
        Assert.Equal("GvcMatch の日次ダイジェスト: 通知 1 件", digest.Subject);
        Assert.Contains("の出来事のうち、まだお読みでないもの:", digest.TextBody);
        Assert.Contains($"- 落札: Housings {tag}", digest.TextBody);
        Assert.Matches(@"通知の種類ごとの受け取り方はこちらで変更できます: \S*/Account/Notifications\n", digest.TextBody);
    }

    [Fact]
    public async Task AccountEmailsReadInTheAccountsSavedLanguageOrTheLanguageItWasAskedIn()
    {
        // Registering from a Japanese browser: no saved language yet, so the request's language.
        var registration = Accounts.NewRegistration(OrganizationKind.Sme);
        using (var japaneseBrowser = app.CreateClient())
        {
            japaneseBrowser.DefaultRequestHeaders.Add("Accept-Language", "ja");
            await Expect.StatusAsync(await japaneseBrowser.PostJsonAsync("/api/auth/register", registration), HttpStatusCode.Accepted);
        }
        var confirmation = Assert.Single(await EmailsToAsync(registration.Email));
        Assert.Equal("GvcMatch のメールアドレスの確認", confirmation.Subject);
        Assert.StartsWith("GvcMatch へようこそ。", confirmation.TextBody);
        Assert.Contains("http://localhost/Identity/Account/ConfirmEmail?", confirmation.TextBody);

        // Once saved, the account's language wins over an English request.
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == registration.Email).Select(u => u.Id).SingleAsync());
        await SaveLanguageAsync(userId, "ja");
        using var anonymous = app.CreateClient();
        await Expect.StatusAsync(await anonymous.PostJsonAsync("/api/auth/register", Accounts.NewRegistration(OrganizationKind.Sme) with { Email = registration.Email }),
            HttpStatusCode.Accepted);
        var already = Assert.Single(await EmailsToAsync(registration.Email), e => e.Subject == "GvcMatch のアカウントはすでにお持ちです");
        Assert.Contains("パスワードをお忘れですか? http://localhost/Identity/Account/ForgotPassword", already.TextBody);

        await Expect.StatusAsync(await PageForms.PostAsync(PageForms.Browser(app), "/Identity/Account/ForgotPassword",
            new Dictionary<string, string> { ["Email"] = registration.Email }), HttpStatusCode.OK);
        var reset = Assert.Single(await EmailsToAsync(registration.Email), e => e.Subject == "GvcMatch のパスワードの再設定");
        Assert.Contains("新しいパスワードはこちらで設定してください(リンクは 1 日間、1 回だけ有効です): http://localhost/Identity/Account/ResetPassword?", reset.TextBody);
        Assert.DoesNotContain(await EmailsToAsync(registration.Email), e => e.Subject == AccountEmails.PasswordResetSubject);
    }

    private Task SaveLanguageAsync(string userId, string language) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language)));

    private Task<List<EmailOutboxEntry>> EmailsToAsync(string to) =>
        app.WithDbAsync(db => db.Set<EmailOutboxEntry>().AsNoTracking().Where(e => e.To == to).ToListAsync());
}
