namespace GvcMatch.Web.Pages.Shared;

/// <summary>The words of the error pages a browser sees, by HTTP status.</summary>
public static class ErrorText
{
    public static (string Title, string Text) For(int status) => status switch
    {
        404 => ("Page not found", "There is nothing at this address, or it is not shown to you. It may have been removed, or the link may be mistyped."),
        403 => ("Not allowed", "Your account may not open this page. If you think it should, ask an owner of your organisation or the platform's administrators."),
        401 => ("Please sign in", "This page is for signed-in members."),
        >= 500 => ("Something went wrong", "The server could not finish this request. It has been logged; please try again in a moment."),
        _ => ("This request could not be completed", "Go back and check what you entered, then try again."),
    };
}
