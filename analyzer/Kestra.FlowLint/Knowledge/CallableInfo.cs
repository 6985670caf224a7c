using System;
using System.Collections.Generic;

namespace Kestra.FlowLint.Knowledge;

/// <summary>What kind of Pebble callable an entry describes; the three live in separate namespaces in Pebble.</summary>
public enum CallableKind
{
    Function,
    Filter,
    Test,
}

/// <summary>Who provides a callable. Rules use it to say where a name comes from ("Kestra filter", "Pebble core").</summary>
public enum CallableOrigin
{
    /// <summary>Registered by Kestra's own Pebble extension (open source).</summary>
    Kestra,

    /// <summary>Pebble's CoreExtension/I18nExtension, left enabled by Kestra's ExtensionCustomizer.</summary>
    PebbleCore,

    /// <summary>Only present on Kestra Enterprise Edition; an OSS server reports it as unknown.</summary>
    KestraEnterprise,
}

/// <summary>A Pebble function, filter or test as Kestra 1.x exposes it.</summary>
public sealed class CallableInfo
{
    public CallableInfo(
        string name,
        CallableKind kind,
        CallableOrigin origin,
        IReadOnlyList<string>? argumentNames,
        int requiredArgumentCount,
        string description,
        bool isVarArgs = false,
        bool deprecated = false,
        string? replacement = null,
        string? since = null)
    {
        if (argumentNames != null && requiredArgumentCount > argumentNames.Count)
            throw new ArgumentOutOfRangeException(nameof(requiredArgumentCount), name + ": more required arguments than names");
        Name = name;
        Kind = kind;
        Origin = origin;
        ArgumentNames = argumentNames;
        RequiredArgumentCount = requiredArgumentCount;
        Description = description;
        IsVarArgs = isVarArgs;
        Deprecated = deprecated;
        Replacement = replacement;
        Since = since;
    }

    public string Name { get; }
    public CallableKind Kind { get; }
    public CallableOrigin Origin { get; }

    /// <summary>
    /// The names Pebble binds positional arguments to, in order. <c>null</c> means the implementation returns
    /// <c>null</c> from <c>getArgumentNames()</c>: Pebble then checks neither names nor the number of positional
    /// arguments (extra ones are silently ignored), so a rule must not report them.
    /// </summary>
    public IReadOnlyList<string>? ArgumentNames { get; }

    /// <summary>Arguments the implementation throws without (best knowledge from the code and docs; 0 when unknown).</summary>
    public int RequiredArgumentCount { get; }

    /// <summary>Accepts any number of positional arguments (<c>max</c>, <c>min</c>).</summary>
    public bool IsVarArgs { get; }

    public bool Deprecated { get; }

    /// <summary>The name to use instead, of the same kind, when <see cref="Deprecated"/>.</summary>
    public string? Replacement { get; }

    /// <summary>The first Kestra version that documents it, when it is newer than the Dec 2024 snapshot (0.21).</summary>
    public string? Since { get; }

    public string Description { get; }

    public override string ToString() => Kind + " " + Name;
}

/// <summary>A filter or tag that Kestra removed from Pebble, with what to use instead when there is something.</summary>
public sealed class RemovedCallable
{
    public RemovedCallable(string name, string? replacement, string reason)
    {
        Name = name;
        Replacement = replacement;
        Reason = reason;
    }

    public string Name { get; }
    public string? Replacement { get; }
    public string Reason { get; }
}
