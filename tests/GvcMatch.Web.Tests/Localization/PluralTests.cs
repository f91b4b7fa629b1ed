using GvcMatch.Web.Features.Localization;
using GvcMatch.Web.Pages.Shared;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace GvcMatch.Web.Tests.Localization;

/// <summary>
/// A count meets its noun in the form the language wants: English and Spanish take the singular
/// for one only ("0 days", "1 day", "2 days"), Japanese has one form for every count. Pages read
/// the texts through the localizer; notifications are written in English and translated at the edge.
/// </summary>
public sealed class PluralTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("en", 0, "0 unread notifications", "0 days")]
    [InlineData("en", 1, "1 unread notification", "1 day")]
    [InlineData("en", 2, "2 unread notifications", "2 days")]
    [InlineData("es", 0, "0 notificaciones sin leer", "0 días")]
    [InlineData("es", 1, "1 notificación sin leer", "1 día")]
    [InlineData("es", 2, "2 notificaciones sin leer", "2 días")]
    [InlineData("ja", 0, "未読の通知 0 件", "0 日")]
    [InlineData("ja", 1, "未読の通知 1 件", "1 日")]
    [InlineData("ja", 2, "未読の通知 2 件", "2 日")]
    public void PagesWriteEachCountWithTheFormOfItsLanguage(string language, int count, string notifications, string days)
    {
        var l = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        using var scope = CultureScope.For(language);
        Assert.Equal(notifications, l.Plural(count, "1 unread notification", "{0} unread notifications"));
        Assert.Equal(days, l.Days(count));
    }

    [Theory]
    [InlineData("en", 0, "0 new suppliers match “Coaters”")]
    [InlineData("en", 1, "1 new supplier matches “Coaters”")]
    [InlineData("en", 2, "2 new suppliers match “Coaters”")]
    [InlineData("es", 0, "0 proveedores nuevos coinciden con “Coaters”")]
    [InlineData("es", 1, "1 proveedor nuevo coincide con “Coaters”")]
    [InlineData("es", 2, "2 proveedores nuevos coinciden con “Coaters”")]
    [InlineData("ja", 0, "「Coaters」に一致する新しいサプライヤーが 0 件あります")]
    [InlineData("ja", 1, "「Coaters」に一致する新しいサプライヤーが 1 件あります")]
    [InlineData("ja", 2, "「Coaters」に一致する新しいサプライヤーが 2 件あります")]
    public void NotificationsAndEmailsWriteEachCountWithTheFormOfTheReadersLanguage(string language, int count, string expected)
    {
        var texts = app.Services.GetRequiredService<MessageTexts>();
        var english = Plurals.English(count, "1 new supplier matches “{1}”", "{0} new suppliers match “{1}”", "Coaters");
        using var scope = CultureScope.For(language);
        Assert.Equal(expected, texts.InCurrentLanguage(english));
    }

    [Theory]
    [InlineData("en", 1, "Your ISO 9001 certificate expires in 1 day")]
    [InlineData("en", 2, "Your ISO 9001 certificate expires in 2 days")]
    [InlineData("es", 1, "Su certificado ISO 9001 caduca en 1 día")]
    [InlineData("es", 2, "Su certificado ISO 9001 caduca en 2 días")]
    [InlineData("ja", 1, "貴社の ISO 9001 認証はあと 1 日で期限切れ")]
    public void TheCertificateReminderCountsItsDaysInTheReadersLanguage(string language, int days, string expected)
    {
        var texts = app.Services.GetRequiredService<MessageTexts>();
        var english = Plurals.English(days, "Your {1} certificate expires in 1 day", "Your {1} certificate expires in {0} days", "ISO 9001");
        using var scope = CultureScope.For(language);
        Assert.Equal(expected, texts.InCurrentLanguage(english));
    }

    [Theory]
    [InlineData("en", 1, PluralForm.One)]
    [InlineData("en", 0, PluralForm.Other)]
    [InlineData("es", 1, PluralForm.One)]
    [InlineData("es", 2, PluralForm.Other)]
    [InlineData("ja", 1, PluralForm.Other)]
    public void OnlyExactlyOneTakesTheSingularAndJapaneseNever(string language, int count, PluralForm form) =>
        Assert.Equal(form, Plurals.FormOf(count, System.Globalization.CultureInfo.GetCultureInfo(language)));
}
