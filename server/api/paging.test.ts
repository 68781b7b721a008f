import { pageOfArray } from "./paging";

const items = Array.from({ length: 25 }, (_, i) => i + 1);

test("pages follow each other to the end, with the total", () => {
  const first = pageOfArray(items, { pageSize: 10, status: "x" } as { pageSize: number });
  expect(first).toMatchObject({ items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], total: 25 });
  const second = pageOfArray(items, { pageSize: 10, status: "x", pageToken: first.nextPageToken } as { pageSize: number; pageToken?: string });
  expect(second.items[0]).toBe(11);
  const third = pageOfArray(items, { pageSize: 10, status: "x", pageToken: second.nextPageToken } as { pageSize: number; pageToken?: string });
  expect(third.items).toEqual([21, 22, 23, 24, 25]);
  expect(third.nextPageToken).toBeUndefined();
});

test("a page token of another query, or a forged one, is refused", () => {
  const first = pageOfArray(items, { pageSize: 10, status: "x" } as { pageSize: number });
  expect(() => pageOfArray(items, { pageSize: 10, status: "y", pageToken: first.nextPageToken } as { pageSize: number; pageToken?: string })).toThrow(/does not belong to this query/);
  expect(() => pageOfArray(items, { pageSize: 10, pageToken: "bm9wZQ" })).toThrow(/does not belong/);
});
