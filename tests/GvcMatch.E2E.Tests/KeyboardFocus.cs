using Microsoft.Playwright;

namespace GvcMatch.E2E.Tests;

/// <summary>
/// Moving through a page with the Tab key only, as someone without a mouse does: every stop must
/// show an outline, and the wanted control must come within reach (it never does when focus is trapped).
/// </summary>
public static class KeyboardFocus
{
    private const string Inspect = """
        selector => {
          const el = document.activeElement;
          if (!el || el === document.body) return { name: 'body', matches: false, outlined: true };
          const style = getComputedStyle(el);
          // A date field's focus sits in its day/month/year part, which the browser highlights itself.
          const dateParts = el.matches('input[type=date], input[type=time], input[type=datetime-local]');
          const outlined = dateParts || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2);
          const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.name ? '[name=' + el.name + ']' : ''}`;
          return { name, matches: el.matches(selector), outlined };
        }
        """;

    private sealed class Focus
    {
        public string Name { get; set; } = "";
        public bool Matches { get; set; }
        public bool Outlined { get; set; }
    }

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="selector"/> has focus.</summary>
    public static async Task TabToAsync(IPage page, string selector, bool backwards = false, int limit = 250)
    {
        var path = new List<string>();
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focus = await page.EvaluateAsync<Focus>(Inspect, selector);
            Assert.True(focus.Outlined, $"{focus.Name} on {page.Url} has focus but no visible outline.");
            if (focus.Matches) return;
            path.Add(focus.Name);
        }
        Assert.Fail($"{selector} was not reached with {limit} presses of Tab on {page.Url}; focus went through {string.Join(" → ", path.TakeLast(30))}.");
    }

    /// <summary>Types into the focused field, key by key.</summary>
    public static Task TypeAsync(IPage page, string text) => page.Keyboard.TypeAsync(text);

    /// <summary>Nothing traps focus: from where it is, Tab goes on to the footer's last link.</summary>
    public static Task LeavesToTheFooterAsync(IPage page) => TabToAsync(page, "footer a[href='/api-docs']");
}
