/* SPDX-License-Identifier: GPL-2.0 */
/*
 * RBTree<K, V>: a sorted map over the kernel's red-black tree (struct
 * rb_root), which owns its nodes; with in-order iteration and cursors.
 *
 * C header: include/linux/rbtree.h
 */
#ifndef CPP_KERNEL_RBTREE_HPP
#define CPP_KERNEL_RBTREE_HPP

#include <bindings/bindings.hpp>
#include <kernel/alloc/kbox.hpp>
#include <kernel/error.hpp>
#include <kernel/types.hpp>
#include <kernel/utility.hpp>

namespace kernel {

/**
 * class RBTree - keys of type @K (ordered by <) mapped to values of type
 * @V, each in a node of its own in kmalloc() memory.
 *
 *	RBTree<u64, Sector> map;
 *	TRY(map.insert(lba, Sector{}, GFP_NOIO));
 *	if (Sector *s = map.get(lba))
 *		...
 *	for (auto [key, value] : map)		// in key order
 *		...
 *
 * The tree does no locking.
 *
 * Invariants: root_ holds the nodes this tree owns, each from
 * KBox<Node>::into_raw(), in key order; len_ counts them.
 */
template <typename K, typename V> class RBTree {
	struct Node {
		bindings::rb_node links; /* first: the node is its links */
		K key;
		V value;

		Node(K &&k, V &&v) : links{}, key(move(k)), value(move(v))
		{
		}
	};

	static Node *node(bindings::rb_node *n)
	{
		// SAFETY: @n is the links of a Node of this tree.
		return container_of_unchecked<&Node::links>(n);
	}

public:
	RBTree() = default;

	RBTree(RBTree &&other)
	    : root_(exchange(other.root_, bindings::rb_root{})),
	      len_(exchange(other.len_, 0))
	{
	}

	RBTree(const RBTree &) = delete;
	RBTree &operator=(const RBTree &) = delete;

	~RBTree()
	{
		clear();
	}

	size_t len() const
	{
		return len_;
	}

	bool is_empty() const
	{
		return !len_;
	}

	/**
	 * insert() - maps @key to @value; returns whether the key is new
	 * (otherwise its value is replaced, and the old one destroyed).
	 * ENOMEM, and no change, if the node cannot be allocated.
	 */
	Result<bool> insert(K key, V value, alloc::Flags flags)
	{
		bindings::rb_node **link = &root_.rb_node, *parent = nullptr;

		while (*link) {
			Node *n = node(*link);

			parent = *link;
			if (key < n->key) {
				link = &parent->rb_left;
			} else if (n->key < key) {
				link = &parent->rb_right;
			} else {
				n->value = move(value);
				return false;
			}
		}
		KBox<Node> fresh =
			TRY(KBox<Node>::make(flags, move(key), move(value)));
		Node *n = fresh.into_raw();
		// SAFETY: @link is the empty child of @parent where the key
		// belongs; the node is ours and becomes the tree's.
		bindings::rb_link_node(&n->links, parent, link);
		bindings::rb_insert_color(&n->links, &root_);
		len_++;
		return true;
	}

	/**
	 * get_or_insert() - the value of @key, inserted as V(@args...) if
	 * the key is new (one walk down the tree, like Rust's entry API);
	 * ENOMEM, and no change, if the node cannot be allocated.
	 */
	template <typename... Args>
	Result<V *> get_or_insert(K key, alloc::Flags flags, Args &&...args)
	{
		bindings::rb_node **link = &root_.rb_node, *parent = nullptr;

		while (*link) {
			Node *n = node(*link);

			parent = *link;
			if (key < n->key)
				link = &parent->rb_left;
			else if (n->key < key)
				link = &parent->rb_right;
			else
				return &n->value;
		}
		KBox<Node> fresh = TRY(KBox<Node>::make(
			flags, move(key), V(forward<Args>(args)...)));
		Node *n = fresh.into_raw();
		// SAFETY: as in insert().
		bindings::rb_link_node(&n->links, parent, link);
		bindings::rb_insert_color(&n->links, &root_);
		len_++;
		return &n->value;
	}

	/* get() - the value of @key, or null. */
	V *get(const K &key) const
	{
		Node *n = find(key);

		return n ? &n->value : nullptr;
	}

	/* remove() - removes @key; returns whether it was there. */
	bool remove(const K &key)
	{
		Node *n = find(key);

		if (!n)
			return false;
		erase(n);
		return true;
	}

	/* clear() - removes everything. */
	void clear()
	{
		// SAFETY: postorder: each node is freed after its children
		// were visited, and the walk does not look at it again.
		bindings::rb_node *n = bindings::rb_first_postorder(&root_);

		while (n) {
			// SAFETY: as above.
			bindings::rb_node *next =
				bindings::rb_next_postorder(n);

			// SAFETY: the tree owned the node, from into_raw().
			KBox<Node>::from_raw_unchecked(node(n));
			n = next;
		}
		root_ = {};
		len_ = 0;
	}

	/* An element seen from an iterator or a cursor. */
	struct Entry {
		const K &key;
		V &value;
	};

	class Iterator {
	public:
		Entry operator*() const
		{
			return { node(n_)->key, node(n_)->value };
		}

		Iterator &operator++()
		{
			// SAFETY: n_ is a node of the tree.
			n_ = bindings::rb_next(n_);
			return *this;
		}

		bool operator==(const Iterator &) const = default;

	private:
		friend class RBTree;

		explicit Iterator(bindings::rb_node *n) : n_(n)
		{
		}

		bindings::rb_node *n_;
	};

	Iterator begin() const
	{
		// SAFETY: root_ is a valid tree.
		return Iterator(bindings::rb_first(&root_));
	}

	Iterator end() const
	{
		return Iterator(nullptr);
	}

	/**
	 * class Cursor - a position in the tree (or none), which moves both
	 * ways and may remove the element it is on.
	 */
	class Cursor {
	public:
		bool is_valid() const
		{
			return n_;
		}

		/* current() - the element; the cursor must be valid. */
		Entry current() const
		{
			return { node(n_)->key, node(n_)->value };
		}

		void move_next()
		{
			// SAFETY: n_ is a node of the tree.
			n_ = bindings::rb_next(n_);
		}

		void move_prev()
		{
			// SAFETY: as above.
			n_ = bindings::rb_prev(n_);
		}

		/* remove_current() - removes it; moves to the next one. */
		void remove_current()
		{
			Node *n = node(n_);

			move_next();
			tree_->erase(n);
		}

	private:
		friend class RBTree;

		Cursor(RBTree *tree, bindings::rb_node *n) : tree_(tree), n_(n)
		{
		}

		RBTree *tree_;
		bindings::rb_node *n_;
	};

	/* cursor_front(), cursor_back(): at the first or last element. */
	Cursor cursor_front()
	{
		// SAFETY: root_ is a valid tree.
		return Cursor(this, bindings::rb_first(&root_));
	}

	Cursor cursor_back()
	{
		// SAFETY: as above.
		return Cursor(this, bindings::rb_last(&root_));
	}

	/* cursor_lower_bound() - at the first key not less than @key. */
	Cursor cursor_lower_bound(const K &key)
	{
		bindings::rb_node *n = root_.rb_node, *best = nullptr;

		while (n) {
			if (node(n)->key < key) {
				n = n->rb_right;
			} else {
				best = n;
				n = n->rb_left;
			}
		}
		return Cursor(this, best);
	}

private:
	Node *find(const K &key) const
	{
		bindings::rb_node *n = root_.rb_node;

		while (n) {
			Node *cur = node(n);

			if (key < cur->key)
				n = n->rb_left;
			else if (cur->key < key)
				n = n->rb_right;
			else
				return cur;
		}
		return nullptr;
	}

	void erase(Node *n)
	{
		// SAFETY: @n is a node of this tree; it is freed after it is
		// unlinked.
		bindings::rb_erase(&n->links, &root_);
		KBox<Node>::from_raw_unchecked(n);
		len_--;
	}

	mutable bindings::rb_root root_ = {};
	size_t len_ = 0;
};

} // namespace kernel

#endif /* CPP_KERNEL_RBTREE_HPP */
