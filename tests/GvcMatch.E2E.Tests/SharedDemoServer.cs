namespace GvcMatch.E2E.Tests;

/// <summary>
/// One demo server (and browser) for the classes that leave nothing another class reads: each
/// seeding costs the demo import, its embeddings and its index build, and a Chromium start. A class
/// joins with <c>[Collection(SharedDemoServer.Name)]</c> in place of <c>IClassFixture&lt;DemoServerFixture&gt;</c>.
/// <para>
/// Only classes that never move the clock and assert nothing the others change belong here. Kept on
/// a server of their own: <see cref="DashboardsInBrowserTests"/> (counts the supplier's profile
/// views, which other classes' visits add to) and <see cref="NegotiationInBrowserTests"/> (starts
/// from the supplier having no unread messages, which other classes send it), and the classes that
/// move the clock (accessibility, bidding).
/// </para>
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedDemoServer : ICollectionFixture<DemoServerFixture>
{
    public const string Name = "Shared demo server";
}
