namespace GvcMatch.Web;

/// <summary>
/// Names the one resource set every page, label and message is translated in:
/// <c>Resources/SharedResource.{culture}.resx</c>, keyed by the English text (docs/localization.md).
/// It lives outside the Resources folder on purpose: a class beside a resx file of the same name
/// would rename the embedded resource after the class, and the localizer would not find it.
/// </summary>
public sealed class SharedResource;
