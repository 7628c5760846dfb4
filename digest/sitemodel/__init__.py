"""What the site is made of: stories, tags, paging, page kinds, feeds, search."""
