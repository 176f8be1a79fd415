// Anchors the chatmock_pch object library; the precompiled header is its only product.
