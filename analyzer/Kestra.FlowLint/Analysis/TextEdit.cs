using System;
using System.Collections.Generic;
using Kestra.FlowLint.Text;

namespace Kestra.FlowLint.Analysis;

/// <summary>Replace the text of Span (in the original file) by NewText.</summary>
public readonly struct TextEdit
{
    public TextEdit(TextSpan span, string newText)
    {
        Span = span;
        // Kept with the finding until the report; the same replacement comes back file after file.
        NewText = newText is null ? string.Empty : StringCache.Current.Share(newText);
    }

    public TextSpan Span { get; }
    public string NewText { get; }
}

/// <summary>
/// A fix a rule offers: a title and edits on the original file that leave everything else as it was
/// (comments, quoting, indentation). The CLI's --fix, the language server and SARIF all use this.
/// </summary>
public sealed class CodeFix
{
    public CodeFix(string title, IReadOnlyList<TextEdit> edits, bool isSafe = true)
    {
        Title = StringCache.Current.Share(title);
        Edits = edits ?? Array.Empty<TextEdit>();
        IsSafe = isSafe;
    }

    public string Title { get; }
    public IReadOnlyList<TextEdit> Edits { get; }

    /// <summary>Safe fixes are applied by `check --fix`; others are only offered in editors.</summary>
    public bool IsSafe { get; }
}
