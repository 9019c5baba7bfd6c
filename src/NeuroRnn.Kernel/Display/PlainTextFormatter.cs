using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace NeuroRnn.Kernel.Display;

/// <summary>
/// The text/plain view of any value: numbers in the invariant culture, the type's own <c>ToString</c> when it
/// overrides it (records, F# types, anonymous types), collections summarised as "type (n items): [a, b, …]",
/// and other objects as "Type { Property = value, … }".
/// </summary>
internal static class PlainTextFormatter
{
    private const int MaxItems = 20;

    public static string Format(object value) => Format(value, depth: 0);

    public static string TypeName(Type type)
    {
        if (type.IsArray) return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (!type.IsGenericType) return type.Name;
        var name = type.Name;
        var tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        return name + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
    }

    private static string Format(object? value, int depth)
    {
        switch (value)
        {
            case null: return "<null>";
            case string s: return depth == 0 ? s : "\"" + s + "\"";
            case char c: return depth == 0 ? c.ToString() : "'" + c + "'";
            case bool b: return b ? "True" : "False";
            case double d: return d.ToString("R", CultureInfo.InvariantCulture);
            case float f: return f.ToString("R", CultureInfo.InvariantCulture);
            case IFormattable formattable when value.GetType().IsPrimitive || value is decimal:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            case Type t: return t.FullName ?? t.Name;
        }

        var type = value.GetType();
        if (OverridesToString(type)) return value.ToString() ?? "";
        if (value is IDictionary dictionary) return SummariseDictionary(dictionary, depth);
        if (value is IEnumerable sequence) return SummariseSequence(sequence, type, depth);
        if (depth > 0 || type.IsPrimitive || type.IsEnum) return value.ToString() ?? "";
        return DescribeProperties(value, type);
    }

    private static bool OverridesToString(Type type)
    {
        var method = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method is not null && method.DeclaringType != typeof(object) && method.DeclaringType != typeof(ValueType);
    }

    private static string SummariseDictionary(IDictionary dictionary, int depth)
    {
        var builder = new StringBuilder();
        builder.Append(TypeName(dictionary.GetType())).Append(" (").Append(dictionary.Count).Append(dictionary.Count == 1 ? " entry): { " : " entries): { ");
        var shown = 0;
        foreach (DictionaryEntry entry in dictionary)
        {
            if (shown == MaxItems) { builder.Append(", …"); break; }
            if (shown++ > 0) builder.Append(", ");
            builder.Append(Format(entry.Key, depth + 1)).Append(": ").Append(Format(entry.Value, depth + 1));
        }
        return builder.Append(" }").ToString();
    }

    private static string SummariseSequence(IEnumerable sequence, Type type, int depth)
    {
        var items = new List<string>();
        var more = false;
        foreach (var item in sequence)
        {
            if (items.Count == MaxItems) { more = true; break; }
            items.Add(Format(item, depth + 1));
        }
        var count = sequence is ICollection collection ? collection.Count.ToString(CultureInfo.InvariantCulture) : more ? $"{MaxItems}+" : items.Count.ToString(CultureInfo.InvariantCulture);
        var body = string.Join(", ", items) + (more ? ", …" : "");
        return depth > 0 ? "[" + body + "]" : $"{TypeName(type)} ({count} items): [{body}]";
    }

    private static string DescribeProperties(object value, Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray();
        if (properties.Length == 0) return value.ToString() ?? TypeName(type);
        var parts = properties.Select(p =>
        {
            string text;
            try { text = Format(p.GetValue(value), 1); }
            catch (TargetInvocationException e) { text = $"<{e.InnerException?.GetType().Name ?? "error"}>"; }
            return p.Name + " = " + text;
        });
        return TypeName(type) + " { " + string.Join(", ", parts) + " }";
    }
}
