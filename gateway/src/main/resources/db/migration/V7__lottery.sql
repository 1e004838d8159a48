-- The private-school lottery (民办学校电脑随机录取): one per school, school year and stage. Its steps
-- fill it in: CREATED (applicants entered) → FROZEN (list fixed, list_hash published, optionally a
-- commitment to the seed) → SEEDED (seed announced, with its time) → DRAWN (transcript stored,
-- statuses moved) → PUBLISHED.
create table lotteries (
    id                 uuid        primary key,
    school_code        text        not null,
    school_name        text        not null,
    region_code        text        not null,
    school_year        integer     not null,
    stage              text        not null,   -- PRIMARY, JUNIOR
    places             integer     not null check (places >= 1),
    state              text        not null,   -- CREATED, FROZEN, SEEDED, DRAWN, PUBLISHED
    created_by         text        not null,
    list_hash          text,                   -- SHA-256 of the canonical frozen list, at freeze
    seed_commitment    text,                   -- SHA-256 of the seed, if announced at freeze
    seed               text,
    seed_announced_at  timestamptz,
    admitted_count     integer,
    created_at         timestamptz not null,
    frozen_at          timestamptz,
    drawn_at           timestamptz,
    published_at       timestamptz,
    publication        text,                   -- where it was published, if said
    unique (school_code, school_year, stage)
);

-- The applicants of a lottery: the frozen list, and after the draw the transcript. An application
-- enters at most one lottery (a child applies to at most one private school).
create table lottery_entries (
    lottery_id      uuid        not null references lotteries (id) on delete cascade,
    reference       text        not null,
    application_id  uuid        not null references applications (id),
    rank            integer,                   -- from 1, once drawn
    rank_value      text,                      -- SHA-256(seed \n reference), once drawn
    outcome         text,                      -- ADMITTED, NOT_ADMITTED, STRUCK_OUT
    note            text,                      -- why struck out (the status it had at the draw)
    primary key (lottery_id, reference),
    unique (application_id),
    unique (lottery_id, rank)
);
