// Compiled only into the .NET Framework task (net472), which compiles the engine's sources
// unchanged: the .NET 8 APIs they call, written with what .NET Framework has. C# 14 extension
// members let a call such as dictionary.TryAdd(key, value) bind here.

namespace SchemaTasks;

internal static class FrameworkCollectionOverloads
{
    extension<TKey, TValue>(Dictionary<TKey, TValue> dictionary)
        where TKey : notnull
    {
        public bool TryAdd(TKey key, TValue value)
        {
            if (dictionary.ContainsKey(key)) return false;
            dictionary.Add(key, value);
            return true;
        }

        public bool Remove(TKey key, out TValue value)
        {
            if (!dictionary.TryGetValue(key, out value!)) return false;
            dictionary.Remove(key);
            return true;
        }
    }

    extension<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> dictionary)
    {
        public TValue? GetValueOrDefault(TKey key) => dictionary.TryGetValue(key, out var value) ? value : default;
    }

    extension<T>(Stack<T> stack)
    {
        public bool TryPop(out T result)
        {
            if (stack.Count == 0)
            {
                result = default!;
                return false;
            }

            result = stack.Pop();
            return true;
        }
    }

    extension<TKey, TValue>(KeyValuePair<TKey, TValue> pair)
    {
        public void Deconstruct(out TKey key, out TValue value)
        {
            key = pair.Key;
            value = pair.Value;
        }
    }

    extension<TSource>(IEnumerable<TSource> source)
    {
        public TSource FirstOrDefault(Func<TSource, bool> predicate, TSource defaultValue)
        {
            foreach (var item in source)
            {
                if (predicate(item)) return item;
            }

            return defaultValue;
        }
    }
}
