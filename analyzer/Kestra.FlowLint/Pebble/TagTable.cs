using System;

namespace Kestra.FlowLint.Pebble;

internal enum TagKind : byte
{
    Unknown,
    If,
    For,
    Set,
    Macro,
    Block,
    Filter,

    /// <summary>A tag Kestra's ExtensionCustomizer removes.</summary>
    Removed,
    Else,
    Elseif,
    EndTag,
    Raw,
    Endraw,
    Verbatim,
    Endverbatim,
}

/// <summary>The tag names a body stops at (Pebble's StoppingCondition), as flags so enclosing bodies can be checked at once.</summary>
[Flags]
internal enum StopTags
{
    None = 0,
    Elseif = 1 << 0,
    Else = 1 << 1,
    Endif = 1 << 2,
    Endfor = 1 << 3,
    Endmacro = 1 << 4,
    Endblock = 1 << 5,
    Endfilter = 1 << 6,
    Endautoescape = 1 << 7,
    Endembed = 1 << 8,
    Endparallel = 1 << 9,
    Endcache = 1 << 10,
}

internal readonly struct TagInfo
{
    public TagInfo(TagKind kind, StopTags stopFlag = StopTags.None, string? name = null, StopTags removedEndFlag = StopTags.None)
    {
        Kind = kind;
        StopFlag = stopFlag;
        Name = name;
        RemovedEndFlag = removedEndFlag;
    }

    public TagKind Kind { get; }

    /// <summary>The flag of this name when it ends a body (else, endif, …); None for other tags.</summary>
    public StopTags StopFlag { get; }

    /// <summary>The name as a shared constant, to avoid allocating it again.</summary>
    public string? Name { get; }

    /// <summary>For removed tags with a body (embed, parallel, cache, autoescape): their end tag.</summary>
    public StopTags RemovedEndFlag { get; }

    public bool HasBody => Kind is TagKind.If or TagKind.For or TagKind.Macro or TagKind.Block or TagKind.Filter
        || RemovedEndFlag != StopTags.None;
}

/// <summary>The tags of Pebble 3.2.2 and what Kestra does with each (pebble-grammar.md section 3).</summary>
internal static class TagTable
{
    public static TagInfo Classify(string s, int start, int length)
    {
        if (length < 2 || length > 13) return default;
        return s.Substring(start, length) switch
        {
            "if" => new TagInfo(TagKind.If, name: "if"),
            "for" => new TagInfo(TagKind.For, name: "for"),
            "set" => new TagInfo(TagKind.Set, name: "set"),
            "macro" => new TagInfo(TagKind.Macro, name: "macro"),
            "block" => new TagInfo(TagKind.Block, name: "block"),
            "filter" => new TagInfo(TagKind.Filter, name: "filter"),
            "else" => new TagInfo(TagKind.Else, StopTags.Else, "else"),
            "elseif" => new TagInfo(TagKind.Elseif, StopTags.Elseif, "elseif"),
            "endif" => new TagInfo(TagKind.EndTag, StopTags.Endif, "endif"),
            "endfor" => new TagInfo(TagKind.EndTag, StopTags.Endfor, "endfor"),
            "endmacro" => new TagInfo(TagKind.EndTag, StopTags.Endmacro, "endmacro"),
            "endblock" => new TagInfo(TagKind.EndTag, StopTags.Endblock, "endblock"),
            "endfilter" => new TagInfo(TagKind.EndTag, StopTags.Endfilter, "endfilter"),
            "autoescape" => new TagInfo(TagKind.Removed, name: "autoescape", removedEndFlag: StopTags.Endautoescape),
            "embed" => new TagInfo(TagKind.Removed, name: "embed", removedEndFlag: StopTags.Endembed),
            "parallel" => new TagInfo(TagKind.Removed, name: "parallel", removedEndFlag: StopTags.Endparallel),
            "cache" => new TagInfo(TagKind.Removed, name: "cache", removedEndFlag: StopTags.Endcache),
            "extends" => new TagInfo(TagKind.Removed, name: "extends"),
            "flush" => new TagInfo(TagKind.Removed, name: "flush"),
            "import" => new TagInfo(TagKind.Removed, name: "import"),
            "include" => new TagInfo(TagKind.Removed, name: "include"),
            "from" => new TagInfo(TagKind.Removed, name: "from"),
            "endautoescape" => new TagInfo(TagKind.EndTag, StopTags.Endautoescape, "endautoescape"),
            "endembed" => new TagInfo(TagKind.EndTag, StopTags.Endembed, "endembed"),
            "endparallel" => new TagInfo(TagKind.EndTag, StopTags.Endparallel, "endparallel"),
            "endcache" => new TagInfo(TagKind.EndTag, StopTags.Endcache, "endcache"),
            "raw" => new TagInfo(TagKind.Raw, name: "raw"),
            "endraw" => new TagInfo(TagKind.Endraw, name: "endraw"),
            "verbatim" => new TagInfo(TagKind.Verbatim, name: "verbatim"),
            "endverbatim" => new TagInfo(TagKind.Endverbatim, name: "endverbatim"),
            _ => default,
        };
    }

    /// <summary>The end tag a body with these stop tags is waiting for, for messages.</summary>
    public static string? EndTagOf(StopTags stops)
    {
        if ((stops & StopTags.Endif) != 0) return "endif";
        if ((stops & StopTags.Endfor) != 0) return "endfor";
        if ((stops & StopTags.Endmacro) != 0) return "endmacro";
        if ((stops & StopTags.Endblock) != 0) return "endblock";
        if ((stops & StopTags.Endfilter) != 0) return "endfilter";
        if ((stops & StopTags.Endautoescape) != 0) return "endautoescape";
        if ((stops & StopTags.Endembed) != 0) return "endembed";
        if ((stops & StopTags.Endparallel) != 0) return "endparallel";
        if ((stops & StopTags.Endcache) != 0) return "endcache";
        return null;
    }
}
